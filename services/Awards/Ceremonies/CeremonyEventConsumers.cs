using MassTransit;
using Platform.Awards.Infrastructure;
using Platform.Contracts.Events;

namespace Platform.Awards.Ceremonies;

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

internal static class CeremonyEvents
{
    public static async Task ApplyAsync(
        AwardsDbContext db, Guid id, DateTimeOffset occurredAt, Action<CeremonyEvent> apply, CancellationToken ct, DateTimeOffset? fallbackStart = null)
    {
        var e = await db.CeremonyEvents.FindAsync([id], ct);
        if (e is null)
        {
            e = new CeremonyEvent { Id = id, Title = "", VenueName = "", StartsAt = fallbackStart ?? occurredAt, EndsAt = fallbackStart ?? occurredAt };
            db.CeremonyEvents.Add(e);
        }
        else if (occurredAt < e.AsOf)
        {
            return;
        }

        apply(e);
        // A cancellation is final even if a change that happened earlier arrives after it.
        e.AsOf = occurredAt;
        await db.SaveChangesAsync(ct);
    }
}
