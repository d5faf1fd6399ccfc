using System.Net.Mail;
using Platform.ServiceDefaults.Problems;

namespace Platform.Volunteers.Infrastructure;

/// <summary>
/// Text checks shared by every request. Text is stored as given (HTML included) and only ever returned as JSON
/// strings, or escaped by Notifications' templates, so nothing is rendered raw.
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

    public static void Email(ValidationErrors errors, string field, string? value, bool required = true)
    {
        if (required) Required(errors, field, value, Limits.Email);
        else Optional(errors, field, value, Limits.Email);
        errors.AddIf(!string.IsNullOrWhiteSpace(value) && !IsEmail(value.Trim()), field, $"'{field}' is not a valid email address.");
    }

    /// <summary>Skills are matched case-insensitively, so they are stored trimmed, lower-case and without repeats.</summary>
    public static List<string> Skills(ValidationErrors errors, string field, IReadOnlyList<string>? skills)
    {
        var list = (skills ?? []).Select(s => (s ?? "").Trim().ToLowerInvariant()).ToList();
        errors.AddIf(list.Count > Limits.Skills, field, $"At most {Limits.Skills} skills.");
        errors.AddIf(list.Any(s => s.Length is 0 or > Limits.Skill), field, $"Each skill must be 1 to {Limits.Skill} characters.");
        return list.Distinct(StringComparer.Ordinal).ToList();
    }

    public static string? TrimOrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
