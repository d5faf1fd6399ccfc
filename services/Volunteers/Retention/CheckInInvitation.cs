namespace Platform.Volunteers.Retention;

/// <summary>One periodic check-in request: a single-purpose, expiring link (only its hash kept), answered at most once.</summary>
public sealed class CheckInInvitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid VolunteerId { get; init; }
    public required byte[] TokenHash { get; init; }
    public DateTimeOffset SentAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; set; }
}
