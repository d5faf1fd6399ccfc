namespace Platform.ServiceDefaults.Text;

/// <summary>
/// What text the platform accepts. PostgreSQL cannot store a NUL (22021, a 500 and, before issue 21's fix, a broken
/// pooled connection), and no other control character has a use in a name, an address, a search or an identifier: it
/// only hides text or splits a mail header. So single-line text (every query parameter, route value and JSON string
/// unless its property says otherwise) has none; free text (<see cref="MultiLineTextAttribute"/>) may also hold tab,
/// line feed and carriage return. Controls are C0, DEL and C1 (<see cref="char.IsControl(char)"/>).
/// </summary>
public static class ControlCharacters
{
    public static bool FitsSingleLine(ReadOnlySpan<char> text) => FirstDisallowed(text, multiLine: false) < 0;

    public static bool FitsMultiLine(ReadOnlySpan<char> text) => FirstDisallowed(text, multiLine: true) < 0;

    /// <summary>The index of the first character the rule refuses, or -1.</summary>
    public static int FirstDisallowed(ReadOnlySpan<char> text, bool multiLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && !(multiLine && c is '\t' or '\n' or '\r'))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The message a caller sees, naming the character by code point (printing it would defeat the point).</summary>
    public static string Problem(ReadOnlySpan<char> text, bool multiLine)
    {
        var at = FirstDisallowed(text, multiLine);
        var found = at < 0 ? "" : $" (U+{(int)text[at]:X4} at position {at})";
        return multiLine
            ? $"Control characters other than tab and line breaks are not allowed{found}."
            : $"Control characters are not allowed{found}.";
    }
}
