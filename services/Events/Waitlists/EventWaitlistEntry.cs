using Platform.Events.Registrations;

namespace Platform.Events.Waitlists;

/// <summary>
/// Someone waiting for a place at a full event that keeps a waitlist. Their registration is kept as they sent it and
/// made, in (queued at, id) order, as soon as a place frees: the usual confirmation email then carries the manage link,
/// and the place is held until they confirm their address by it (a hold that lapses passes the place on).
/// </summary>
public sealed class EventWaitlistEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EventId { get; init; }

    /// <summary>Lower case: one entry per address while it waits.</summary>
    public required string Email { get; init; }
    public required RegistrationRequest Request { get; init; }
    public Guid? InvitationId { get; init; }
    public DateTimeOffset QueuedAt { get; init; }
    public EventWaitlistStatus Status { get; set; } = EventWaitlistStatus.Waiting;
    public Guid? RegistrationId { get; set; }
    public DateTimeOffset? LeftAt { get; set; }
}

/// <summary>Promoted: registered from the waitlist. Skipped: could not be registered when its turn came (already registered, or a chosen workshop was removed).</summary>
public enum EventWaitlistStatus { Waiting, Promoted, Skipped }
