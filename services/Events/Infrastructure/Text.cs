using Platform.ServiceDefaults.Problems;

namespace Platform.Events.Infrastructure;

/// <summary>
/// Text checks shared by every request. Text is stored as given (HTML included) and only ever returned as JSON
/// strings or escaped iCalendar text, so nothing is rendered raw.
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
}
