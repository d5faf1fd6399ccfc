using Platform.Contracts;
using Platform.Contracts.Events;

namespace Platform.Notifications.IntegrationEvents.Events;

/// <summary>
/// Notifications' own message: one registrant of a cancelled event still to be told. Splitting the event's
/// registrant list into one message each means every email commits on its own, so a failure at the hundredth
/// registrant retries that one, not the ninety-nine already sent.
/// </summary>
/// <param name="SourceEventId">The <see cref="PartnershipEventCancelled"/> this came from: the delivery key.</param>
public sealed record EventCancellationEmailDue(Guid SourceEventId, string Title, DateTimeOffset StartsAt, Registrant Registrant) : IntegrationEvent;
