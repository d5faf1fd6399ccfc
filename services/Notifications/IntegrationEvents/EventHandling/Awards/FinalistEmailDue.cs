using Platform.Contracts;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Awards;

/// <summary>
/// Notifications' own message: one person still to be told a nominee is a finalist. A shortlist names several
/// finalists with several nominators each; one message per address lets each email commit on its own.
/// </summary>
/// <param name="SourceEventId">The delivery key: the FinalistsConfirmed this came from and the finalist (see <see cref="TellFinalists.DeliveryKey"/>).</param>
public sealed record FinalistEmailDue(
    Guid SourceEventId,
    string RecipientName,
    string RecipientEmail,
    bool IsNominee,
    string NomineeName,
    string CategoryName,
    string ProgrammeName,
    DateTimeOffset? CeremonyAt,
    string? CeremonyVenue) : IntegrationEvent;
