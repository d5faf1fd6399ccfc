using MassTransit;
using Platform.Awards.Ceremonies;
using Platform.Awards.Infrastructure;
using Platform.Contracts.Events;

namespace Platform.Awards.IntegrationEvents.EventHandling;

/// <summary>An event's title, venue or times changed: the ceremony read model follows (see <see cref="RecordPublishedEvent"/>).</summary>
public sealed class RecordChangedEvent(AwardsDbContext db) : IConsumer<PartnershipEventChanged>
{
    public async Task Consume(ConsumeContext<PartnershipEventChanged> context)
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
