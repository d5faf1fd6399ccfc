using MassTransit;
using Platform.Awards.Ceremonies;
using Platform.Awards.Infrastructure;
using Platform.Contracts.Events;

namespace Platform.Awards.IntegrationEvents.EventHandling;

/// <summary>
/// Keeps <see cref="CeremonyEvent"/> in step with the Events service. Each consumer saves its own change; the inbox
/// around it makes a redelivered message a no-op, and <see cref="CeremonyEvent.AsOf"/> makes out-of-order ones harmless.
/// </summary>
public sealed class RecordPublishedEvent(AwardsDbContext db) : IConsumer<PartnershipEventPublished>
{
    public async Task Consume(ConsumeContext<PartnershipEventPublished> context)
    {
        var m = context.Message;
        await CeremonyEvents.ApplyAsync(db, m.PartnershipEventId, m.OccurredAt, e =>
        {
            e.Title = m.Title;
            e.VenueName = m.VenueName;
            e.StartsAt = m.StartsAt;
            e.EndsAt = m.EndsAt;
        }, context.CancellationToken);
    }
}
