namespace Platform.Awards.Ceremonies;

/// <summary>
/// Awards' read model of a published partnership event, fed only by the Events service's integration events
/// (never its database). A programme's ceremony time is this event's start, so it follows every change to it.
/// </summary>
public sealed class CeremonyEvent
{
    /// <summary>The Events service's id for the event.</summary>
    public Guid Id { get; init; }
    public required string Title { get; set; }
    public required string VenueName { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public bool Cancelled { get; set; }

    /// <summary>When the newest applied message happened: an older message delivered late never overwrites a newer one.</summary>
    public DateTimeOffset AsOf { get; set; }
}
