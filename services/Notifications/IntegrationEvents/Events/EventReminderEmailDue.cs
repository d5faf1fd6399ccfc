using Platform.Contracts;
using Platform.Contracts.Events;

namespace Platform.Notifications.IntegrationEvents.Events;

/// <summary>Notifications' own message: one registrant still to be reminded (split for the reason <see cref="EventCancellationEmailDue"/> gives).</summary>
/// <param name="SourceEventId">The <see cref="PartnershipEventReminderDue"/> this came from: the delivery key.</param>
public sealed record EventReminderEmailDue(Guid SourceEventId, string Title, string VenueName, DateTimeOffset StartsAt, Registrant Registrant) : IntegrationEvent;
