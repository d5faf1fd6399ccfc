using Platform.ServiceDefaults.Problems;

namespace Platform.Awards.Infrastructure;

/// <summary>
/// Text checks shared by every request. Text is stored as given (HTML included) and only ever returned as JSON
/// strings (or through Notifications' escaping templates), so nothing is rendered raw.
/// </summary>
public static class Text
{
    public static void Required(ValidationErrors errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, $"'{field}' is required.");
        else Optional(errors, field, value, maxLength);
    }

    public static void Optional(ValidationErrors errors, string field, string? value, int maxLength) =>
        errors.AddIf(value is not null && value.Trim().Length > maxLength, field, $"'{field}' must be at most {maxLength} characters.");

    /// <summary>Words as a reader counts them: runs of non-space characters.</summary>
    public static int WordCount(string value) =>
        value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
