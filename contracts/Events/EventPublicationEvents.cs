namespace Platform.Contracts.Events;

/// <summary>A partnership event became public. Awards keeps a read model of the events it can hold a ceremony at.</summary>
public sealed record PartnershipEventPublished(
    Guid PartnershipEventId,
    string Title,
    string Kind,
    string VenueName,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt) : IntegrationEvent;

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

public sealed record Registrant(Guid RegistrationId, string Name, string Email);

/// <summary>A published event starts within the configured reminder period; Notifications reminds each registrant.</summary>
public sealed record PartnershipEventReminderDue(
    Guid PartnershipEventId,
    string Title,
    string VenueName,
    DateTimeOffset StartsAt,
    IReadOnlyList<Registrant> Registrants) : IntegrationEvent;
