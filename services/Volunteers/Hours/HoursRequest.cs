using Platform.ServiceDefaults.Problems;
using Platform.Volunteers.Infrastructure;

namespace Platform.Volunteers.Hours;

/// <summary>Hours given on one day, by the volunteer (their link) or the organisation.</summary>
public sealed record HoursRequest(DateOnly? Date, decimal? Hours, string? Activity)
{
    public const decimal MaxPerDay = 24;

    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        errors.AddIf(Date is null, "date", "'date' is required.");
        errors.AddIf(Date > today, "date", "'date' is in the future; log hours once they are given.");
        errors.AddIf(Hours is null, "hours", "'hours' is required.");
        errors.AddIf(Hours <= 0, "hours", "'hours' must be more than 0.");
        errors.AddIf(Hours > MaxPerDay, "hours", $"'hours' cannot be more than {MaxPerDay} in a day.");
        errors.AddIf(Hours is { } h && decimal.Round(h, 2) != h, "hours", "'hours' has at most two decimal places.");
        Text.Optional(errors, "activity", Activity, Limits.ShortText);
        return errors;
    }
}

public sealed record HoursDecision(string? Reason);

public sealed record HoursView(Guid Id, Guid VolunteerId, DateOnly Date, decimal Hours, string? Activity, HoursLoggedBy LoggedBy, HoursStatus Status, DateTimeOffset LoggedAt)
{
    public static HoursView Of(HoursEntry h) => new(h.Id, h.VolunteerId, h.Date, h.Hours, h.Activity, h.LoggedBy, h.Status, h.LoggedAt);
}
