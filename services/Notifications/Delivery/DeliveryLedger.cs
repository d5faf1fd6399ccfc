using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Notifications.Infrastructure;

namespace Platform.Notifications.Delivery;

/// <summary>
/// The senders' per-message records. Each message needs its hand-over committed before its end of data (what keeps a
/// crash from sending it twice, <see cref="DeliveryQueue.SettleHandedOverAsync"/>) and its sending recorded after the
/// server's answer. One statement and one commit for each made PostgreSQL's round trips a large share of a fan-out's
/// cost (bench news-fanout, profiled: README), so a send waits in memory and is written with the next hand-over of any
/// sender, in the same batch and commit (or by the sender's <see cref="Flush"/> as its batch ends): one commit a message.
/// A crash before then leaves that message handed over, which the next settle counts sent "in doubt": the same outcome,
/// with a reason that says less than it could.
/// <para>
/// Each hand-over stays its sender's own statement, written on its own thread, with nothing between the commit and the
/// end of data. Grouping the hand-overs of several senders into one commit was tried: the senders released after the
/// commit waited for their threads to wake before writing their ".", and a kill in those milliseconds lost a message
/// (counted sent, never taken) in the end-to-end fan-out kill test.
/// </para>
/// Synchronous, as the mail sender's end-of-data gate calls it (<see cref="IEmailSender"/>): the thread that waits does
/// the I/O, so the end of data follows the commit at once, with no wait for a thread-pool thread in between.
/// </summary>
public sealed class DeliveryLedger(TimeProvider timeProvider)
{
    private const string HandOverSql = """
        UPDATE delivery SET handed_over_at = $3
        WHERE id = $1 AND status = 'Sending' AND claimed_until = $2 AND claimed_until > $3
        """;

    // The rendered parts (which hold links and tokens) and the address are no longer needed once sent.
    private const string SentSql = """
        UPDATE delivery d SET status = 'Sent', sent_at = s.at, claimed_until = NULL,
               address = NULL, text_body = NULL, html_body = NULL, attachments = NULL
        FROM unnest($1::uuid[], $2::timestamptz[]) AS s(id, at)
        WHERE d.id = s.id
        """;

    /// <summary>How often lapsed claims on handed-over messages are settled (<see cref="DeliveryQueue.SettleHandedOverAsync"/>): a claim lapses after minutes.</summary>
    public static readonly TimeSpan SettleInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private List<(Guid Id, DateTime At)> _sent = [];
    private DateTime _nextSettle = DateTime.MinValue;

    /// <summary>True for one caller once <see cref="SettleInterval"/> has passed since the last settle (or the clock went back).</summary>
    public bool SettleDue(DateTime now)
    {
        lock (_gate)
        {
            if (now < _nextSettle && _nextSettle - now <= SettleInterval) return false;
            _nextSettle = now + SettleInterval;
            return true;
        }
    }

    /// <summary>The server took the message: written with the next hand-over or flush, at the time it was taken.</summary>
    public void Sent(Guid deliveryId)
    {
        var at = timeProvider.GetUtcNow().UtcDateTime;
        lock (_gate) _sent.Add((deliveryId, at));
    }

    /// <summary>
    /// Commits the hand-over of <paramref name="claimed"/>, only while its claim is this sender's: not lapsed, and not
    /// lapsed and taken by another sender since (then both would send it). Throws when it was not recorded.
    /// </summary>
    public void HandOver(NotificationsDbContext db, EmailDelivery claimed)
    {
        var claim = claimed.ClaimedUntil ?? throw new InvalidOperationException($"Delivery {claimed.Id} is not claimed.");
        var marked = Write(db, (claimed.Id, claim));
        if (marked != 1) throw new InvalidOperationException($"Delivery {claimed.Id} is no longer claimed by this sender; not sending it.");
    }

    /// <summary>Writes the sends recorded so far (a sender calls it as its batch ends); throws when the database did not take them.</summary>
    public void Flush(NotificationsDbContext db) => Write(db, handOver: null);

    /// <summary>Returns how many rows the hand-over marked (0 or 1).</summary>
    private int Write(NotificationsDbContext db, (Guid Id, DateTime Claim)? handOver)
    {
        List<(Guid Id, DateTime At)> sent;
        lock (_gate)
        {
            if (handOver is null && _sent.Count == 0) return 0;
            sent = _sent;
            _sent = [];
        }

        try
        {
            db.Database.OpenConnection();
            try
            {
                using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
                if (handOver is { } mine)
                {
                    batch.BatchCommands.Add(new NpgsqlBatchCommand(HandOverSql)
                    {
                        Parameters = { new() { Value = mine.Id }, new() { Value = mine.Claim }, new() { Value = timeProvider.GetUtcNow().UtcDateTime } },
                    });
                }

                if (sent.Count > 0)
                {
                    batch.BatchCommands.Add(new NpgsqlBatchCommand(SentSql)
                    {
                        Parameters = { new() { Value = sent.Select(s => s.Id).ToArray() }, new() { Value = sent.Select(s => s.At).ToArray() } },
                    });
                }

                // One batch is one implicit transaction: both statements commit together, once.
                batch.ExecuteNonQuery();
                return handOver is null ? 0 : batch.BatchCommands[0].RecordsAffected;
            }
            finally
            {
                db.Database.CloseConnection();
            }
        }
        catch
        {
            lock (_gate) _sent.InsertRange(0, sent); // not lost: the next write takes them
            throw;
        }
    }
}
