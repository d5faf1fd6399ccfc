using MassTransit;
using Platform.Contracts.Awards;
using Platform.Contracts.Events;
using Platform.Contracts.Volunteers;
using Platform.Notifications.Webhooks;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Webhooks;

/// <summary>
/// Turns what happened into partners' webhook messages. Each payload carries what a partner may know and no more:
/// public facts about events, roles and winners; for an organisation's applications, ids and stages only (never the
/// applicant's name, email or links), and only to that organisation's endpoints.
/// </summary>
public sealed class TellPartnersWebhooks(WebhookFanOut fanOut) :
    IConsumer<PartnershipEventPublished>,
    IConsumer<PartnershipEventChanged>,
    IConsumer<PartnershipEventCancelled>,
    IConsumer<RoleOpened>,
    IConsumer<RoleClosed>,
    IConsumer<WinnersAnnounced>,
    IConsumer<ApplicationReceived>,
    IConsumer<ApplicationStatusChanged>
{
    public Task Consume(ConsumeContext<PartnershipEventPublished> context) => Queue(context, WebhookEventTypes.EventPublished,
        m => new { eventId = m.PartnershipEventId, m.Title, m.Kind, venue = m.VenueName, m.StartsAt, m.EndsAt });

    public Task Consume(ConsumeContext<PartnershipEventChanged> context) => Queue(context, WebhookEventTypes.EventChanged,
        m => new { eventId = m.PartnershipEventId, m.Title, venue = m.VenueName, m.StartsAt, m.EndsAt });

    // Not the registrants the event carries for Notifications' own emails.
    public Task Consume(ConsumeContext<PartnershipEventCancelled> context) => Queue(context, WebhookEventTypes.EventCancelled,
        m => new { eventId = m.PartnershipEventId, m.Title, m.StartsAt });

    public Task Consume(ConsumeContext<RoleOpened> context) => Queue(context, WebhookEventTypes.RoleOpened,
        m => new { m.RoleId, m.OrganisationId, m.OrganisationName, m.Title, m.Category, m.District, m.Remote, m.ClosesOn });

    public Task Consume(ConsumeContext<RoleClosed> context) => Queue(context, WebhookEventTypes.RoleClosed,
        m => new { m.RoleId, m.OrganisationId, m.Title, m.Status, m.Reason });

    // The winners as the public results page shows them.
    public Task Consume(ConsumeContext<WinnersAnnounced> context) => Queue(context, WebhookEventTypes.WinnersAnnounced,
        m => new
        {
            m.ProgrammeId, m.Year, m.ProgrammeName, m.AnnouncedAt, m.ResultsUrl,
            winners = m.Winners.Select(w => new { w.CategoryId, w.CategoryName, w.NomineeName, w.NomineeOrganisation, w.District }),
        });

    public Task Consume(ConsumeContext<ApplicationReceived> context) => Queue(context, WebhookEventTypes.ApplicationReceived,
        m => new { m.ApplicationId, m.RoleId, m.RoleTitle }, m => m.OrganisationId);

    public Task Consume(ConsumeContext<ApplicationStatusChanged> context) => Queue(context, WebhookEventTypes.ApplicationStageChanged,
        m => new { m.ApplicationId, m.RoleId, m.RoleTitle, m.From, m.To }, m => m.OrganisationId);

    private Task Queue<T>(ConsumeContext<T> context, string type, Func<T, object> data, Func<T, Guid>? organisation = null)
        where T : Platform.Contracts.IntegrationEvent =>
        fanOut.QueueAsync(context.Message.EventId, context.Message.OccurredAt, type, data(context.Message),
            organisation?.Invoke(context.Message), context.CancellationToken);
}
