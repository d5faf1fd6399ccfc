namespace Platform.Volunteers.Retention;

/// <summary>A volunteer's answer to "how satisfied are you with volunteering here?" (1 to 5), with a comment.</summary>
public sealed class CheckIn
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid VolunteerId { get; init; }
    public int Score { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset At { get; init; }
}
