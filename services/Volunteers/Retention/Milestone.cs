namespace Platform.Volunteers.Retention;

/// <summary>A milestone a volunteer reached; (volunteer, kind) is unique, so each is recognised once.</summary>
public sealed class Milestone
{
    public Guid VolunteerId { get; init; }
    public MilestoneKind Kind { get; init; }
    public DateTimeOffset ReachedAt { get; init; }
}

public enum MilestoneKind { FirstSession, Hours10, Hours50, Hours100, Hours250, Months6, Year1 }

public static class Milestones
{
    public static readonly (MilestoneKind Kind, decimal Hours)[] HourMilestones =
        [(MilestoneKind.Hours10, 10), (MilestoneKind.Hours50, 50), (MilestoneKind.Hours100, 100), (MilestoneKind.Hours250, 250)];

    public static string Describe(MilestoneKind kind) => kind switch
    {
        MilestoneKind.FirstSession => "your first session",
        MilestoneKind.Hours10 => "10 hours of volunteering",
        MilestoneKind.Hours50 => "50 hours of volunteering",
        MilestoneKind.Hours100 => "100 hours of volunteering",
        MilestoneKind.Hours250 => "250 hours of volunteering",
        MilestoneKind.Months6 => "six months as a volunteer",
        MilestoneKind.Year1 => "a year as a volunteer",
        _ => kind.ToString(),
    };
}
