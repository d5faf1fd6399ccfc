using System.Security.Cryptography;
using MassTransit;
using Platform.Contracts.Awards;
using Platform.Messaging;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Awards;

/// <summary>
/// Splits a confirmed shortlist into one <see cref="FinalistEmailDue"/> per address: every nominator of each
/// finalist, and the finalist themself when a contact is known. Someone who nominated two finalists hears of each.
/// </summary>
public sealed class TellFinalists(NotificationsDbContext db, IIntegrationEventOutbox outbox) : IConsumer<FinalistsConfirmed>
{
    public async Task Consume(ConsumeContext<FinalistsConfirmed> context)
    {
        var e = context.Message;
        foreach (var finalist in e.Finalists)
        {
            var recipients = finalist.Nominators.Select(n => (n.Name, n.Email, IsNominee: false)).ToList();
            if (!string.IsNullOrWhiteSpace(finalist.NomineeContactEmail))
                recipients.Insert(0, (finalist.NomineeName, finalist.NomineeContactEmail, IsNominee: true));
            foreach (var (name, email, isNominee) in recipients.DistinctBy(r => Subscriber.Normalize(r.Item2)))
            {
                outbox.Add(new FinalistEmailDue(DeliveryKey(e.EventId, finalist.NomineeId), name, email, isNominee, finalist.NomineeName, e.CategoryName, e.ProgrammeName,
                    e.CeremonyAt, e.CeremonyVenue));
            }
        }

        // The inbox filter would save these too; saving here keeps the split complete wherever the consumer runs.
        await db.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>
    /// The delivery key of one finalist's notices: the shortlist event and the finalist together, so that a nominator
    /// of two finalists gets both notices while a replayed shortlist still sends each of them once.
    /// </summary>
    public static Guid DeliveryKey(Guid shortlistEventId, Guid nomineeId)
    {
        Span<byte> input = stackalloc byte[32];
        shortlistEventId.TryWriteBytes(input[..16]);
        nomineeId.TryWriteBytes(input[16..]);
        return new Guid(SHA256.HashData(input)[..16]);
    }
}
