using MassTransit;
using Platform.Awards.Ceremonies;
using Platform.Awards.Infrastructure;
using Platform.Contracts.Events;

namespace Platform.Awards.IntegrationEvents.EventHandling;

/// <summary>An event was cancelled: the ceremony read model marks it, for good (see <see cref="RecordPublishedEvent"/>).</summary>
public sealed class RecordCancelledEvent(AwardsDbContext db) : IConsumer<PartnershipEventCancelled>
{
    public async Task Consume(ConsumeContext<PartnershipEventCancelled> context)
    {
        var m = context.Message;
        await CeremonyEvents.ApplyAsync(db, m.PartnershipEventId, m.OccurredAt, e =>
        {
            e.Title = m.Title;
            e.Cancelled = true;
        }, context.CancellationToken, fallbackStart: m.StartsAt);
    }
}
