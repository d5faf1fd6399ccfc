namespace Platform.Events.Catalogue;

/// <summary>A partnership conference, training day or workshop day. The Events issue fills in venue, programme and capacity.</summary>
public sealed class PartnershipEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public EventStatus Status { get; set; } = EventStatus.Draft;
}

public enum EventStatus { Draft, Published, Closed, Cancelled }
