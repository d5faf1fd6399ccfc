using System.Net.Mail;
using Platform.ServiceDefaults.Problems;

namespace Platform.ServiceDefaults.Text;

/// <summary>
/// The checks every request's text fields share, each adding a field error to a 400 ValidationProblem. Text is
/// stored as given (HTML included) and only ever returned as JSON strings, escaped iCalendar text or through
/// Notifications' escaping templates, so nothing is rendered raw and no check here strips markup.
/// </summary>
public static class Text
{
    /// <summary>The longest address SMTP carries (RFC 5321's path limit less its angle brackets).</summary>
    public const int EmailMaxLength = 254;

    public static void Required(ValidationErrors errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, $"'{field}' is required.");
        else Optional(errors, field, value, maxLength);
    }

    public static void Optional(ValidationErrors errors, string field, string? value, int maxLength) =>
        errors.AddIf(value is not null && value.Trim().Length > maxLength, field, $"'{field}' must be at most {maxLength} characters.");

    /// <summary>An address we can write to: present (unless optional), not too long, and a bare address (see <see cref="IsEmail"/>).</summary>
    public static void Email(ValidationErrors errors, string field, string? value, bool required = true)
    {
        if (required) Required(errors, field, value, EmailMaxLength);
        else Optional(errors, field, value, EmailMaxLength);
        errors.AddIf(Trimmed(value) is { } address && !IsEmail(address), field, $"'{field}' is not a valid email address.");
    }

    /// <summary>
    /// A bare address with a dotted domain: MailAddress also accepts display-name forms ("Ann &lt;ann@x.org&gt;") and
    /// dotless hosts, neither of which a member of the public means when typing their address.
    /// </summary>
    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    /// <summary>Optional text as stored: trimmed, and null when blank.</summary>
    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Words as a reader counts them: runs of non-space characters.</summary>
    public static int WordCount(string? value) =>
        value?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length ?? 0;
}
