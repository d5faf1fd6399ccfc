namespace Platform.Contracts.Events;

/// <summary>
/// A partnership event became public. Awards keeps a read model of the events it can hold a ceremony at; Notifications
/// alerts subscribers of the events topic in <see cref="District"/> unless staff turned <see cref="SendAlerts"/> off.
/// </summary>
/// <param name="District">The venue's district, or null for none (every events subscriber hears of it).</param>
/// <param name="SendAlerts">False for an event staff keep out of the automatic alerts (an invitation-only training day).</param>
public sealed record PartnershipEventPublished(
    Guid PartnershipEventId,
    string Title,
    string Kind,
    string VenueName,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? District = null,
    bool SendAlerts = true) : IntegrationEvent;

/// <summary>A published event's title, venue or times changed; registrants may need telling.</summary>
public sealed record PartnershipEventChanged(
    Guid PartnershipEventId,
    string Title,
    string VenueName,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt) : IntegrationEvent;

/// <summary>
/// An event was cancelled. Carries every registrant still holding a registration so Notifications can tell each
/// of them without reading the Events database.
/// </summary>
public sealed record PartnershipEventCancelled(
    Guid PartnershipEventId,
    string Title,
    DateTimeOffset StartsAt,
    IReadOnlyList<Registrant> Registrants) : IntegrationEvent;

/// <param name="Calendar">
/// The registrant's own iCalendar file where the message has one to send: a cancellation's METHOD:CANCEL file, whose
/// UIDs and higher SEQUENCE remove the entries their calendar holds. Null in messages that send none.
/// </param>
public sealed record Registrant(Guid RegistrationId, string Name, string Email, string? Calendar = null);

/// <summary>A published event starts within the configured reminder period; Notifications reminds each registrant.</summary>
public sealed record PartnershipEventReminderDue(
    Guid PartnershipEventId,
    string Title,
    string VenueName,
    DateTimeOffset StartsAt,
    IReadOnlyList<Registrant> Registrants) : IntegrationEvent;
