namespace Platform.Contracts.Events;

/// <summary>
/// One delegate to be told that their event moved, or a workshop they hold a place in moved or was withdrawn, once the
/// changes settled: one message per delegate per notice, carrying what changed for them and their whole calendar as it
/// now is (the same UIDs as before, a higher SEQUENCE, so their calendar updates the entries it holds).
/// </summary>
/// <param name="NoticeId">One per settled round of changes: Notifications' delivery key, so each delegate is told once.</param>
/// <param name="Calendar">The delegate's iCalendar file (METHOD:PUBLISH), built as their manage page's download is.</param>
public sealed record EventChangeNoticeDue(
    Guid PartnershipEventId,
    Guid NoticeId,
    string Title,
    Registrant Registrant,
    IReadOnlyList<ScheduleChange> Changes,
    string Calendar) : IntegrationEvent;

/// <summary>
/// What changed about one item of a delegate's day, from what they were last told to what holds now.
/// <see cref="Item"/> is the event's title or a workshop's; <see cref="Aspect"/> is "time", "place" or "withdrawn".
/// </summary>
public sealed record ScheduleChange(
    string Item,
    bool IsWorkshop,
    string Aspect,
    DateTimeOffset? WasStartsAt,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? WasPlace,
    string? Place);
