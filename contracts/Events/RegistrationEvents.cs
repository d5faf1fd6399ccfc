namespace Platform.Contracts.Events;

/// <summary>One workshop (or other capacity-limited session) as a delegate's choice stands.</summary>
public sealed record SessionChoice(Guid SessionId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status);

/// <summary>
/// A delegate registered (or changed their choices). <see cref="ManageToken"/> is the only copy of the manage
/// link's secret outside the delegate's mailbox (Events keeps its hash), sealed for Notifications in transit
/// (<see cref="LinkSecretAttribute"/>); <see cref="Calendar"/> is the RFC 5545
/// text to attach to the confirmation email.
/// </summary>
public sealed record RegistrationConfirmed(
    Guid RegistrationId,
    Guid PartnershipEventId,
    string EventTitle,
    DateTimeOffset StartsAt,
    string Name,
    string Email,
    [property: LinkSecret] string ManageToken,
    DateTimeOffset ManageTokenExpiresAt,
    string CheckInCode,
    IReadOnlyList<SessionChoice> Choices,
    string Calendar) : IntegrationEvent;

/// <summary>One of a delegate's choices went onto a workshop's waitlist (the rest of the registration stands).</summary>
public sealed record RegistrationWaitlisted(
    Guid RegistrationId,
    Guid PartnershipEventId,
    string EventTitle,
    string Name,
    string Email,
    Guid SessionId,
    string SessionTitle,
    int Position) : IntegrationEvent;

/// <summary>
/// A place freed and is held for the first waiting delegate until <see cref="AcceptBy"/>. <see cref="ManageToken"/> is
/// a link of the offer's own to the registration's manage page (Events keeps its hash); null in offers made before it
/// existed.
/// </summary>
public sealed record PlaceOffered(
    Guid RegistrationId,
    Guid PartnershipEventId,
    string EventTitle,
    string Name,
    string Email,
    Guid SessionId,
    string SessionTitle,
    DateTimeOffset AcceptBy,
    [property: LinkSecret] string? ManageToken = null) : IntegrationEvent;

/// <summary>A held place was not accepted in time; it passes to the next waiting delegate.</summary>
public sealed record PlaceOfferExpired(
    Guid RegistrationId,
    Guid PartnershipEventId,
    string Name,
    string Email,
    Guid SessionId,
    string SessionTitle) : IntegrationEvent;

/// <summary>A delegate cancelled their whole registration (by manage link).</summary>
public sealed record RegistrationCancelled(
    Guid RegistrationId,
    Guid PartnershipEventId,
    string EventTitle,
    string Name,
    string Email) : IntegrationEvent;
