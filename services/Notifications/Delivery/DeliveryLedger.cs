using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Notifications.Infrastructure;

namespace Platform.Notifications.Delivery;

/// <summary>
/// The senders' per-message records. Each message needs its hand-over in the database before its end of data (what keeps
/// a crash from sending it twice, <see cref="DeliveryQueue.SettleHandedOverAsync"/>) and its sending recorded after the
/// server's answer. One statement and one commit for each made PostgreSQL's round trips a large share of a fan-out's
/// cost (bench news-fanout, profiled: README), so a send waits in memory and is written with the next hand-over of any
/// sender, in the same batch and commit (or by the sender's <see cref="Flush"/> as its batch ends): one commit a message.
/// A crash before then leaves that message handed over, which the next settle counts sent "in doubt": the same outcome,
/// with a reason that says less than it could.
/// <para>
/// Each hand-over stays its sender's own statement, written on its own thread, with nothing between its write and the
/// end of data (<see cref="BeginHandOver"/>). Grouping the hand-overs of several senders into one commit was tried: the
/// senders released after the commit waited for their threads to wake before writing their ".", and a kill in those
/// milliseconds lost a message (counted sent, never taken) in the end-to-end fan-out kill test. Waiting for each
/// sender's own commit left the same gap, smaller: the answer's way back and the thread's wake.
/// </para>
/// Synchronous up to the write, as the mail sender's end-of-data gate calls it (<see cref="IEmailSender"/>): the thread
/// that writes the record writes the end of data at once after it, with no wait for a thread-pool thread in between.
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
    /// Commits the hand-over of <paramref name="claimed"/> and waits for the commit, only while its claim is this
    /// sender's: not lapsed, and not lapsed and taken by another sender since (then both would send it). Throws when it
    /// was not recorded. For a claim that may have lapsed, where the answer must come before the end of data.
    /// </summary>
    public void HandOver(NotificationsDbContext db, EmailDelivery claimed)
    {
        var claim = claimed.ClaimedUntil ?? throw new InvalidOperationException($"Delivery {claimed.Id} is not claimed.");
        var marked = Write(db, (claimed.Id, claim));
        if (marked != 1) throw new InvalidOperationException($"Delivery {claimed.Id} is no longer claimed by this sender; not sending it.");
    }

    /// <summary>
    /// Writes the hand-over of <paramref name="claimed"/> (with the sends recorded so far) and returns once it is
    /// written, before the database answers: the caller writes the end of data next and reads the answer after it
    /// (<see cref="ConfirmAsync"/>), so a sender killed between the two loses a message only in the step from one socket
    /// write to the next. Throws when the hand-over could not be written: then the database has none of it, and the
    /// message must not be handed to the server.
    /// <para>
    /// Only for a claim that is surely still this sender's (<see cref="DeliveryQueue.MarkHandedOver"/>): the "." goes
    /// before the answer says whether the claim held. PostgreSQL reads what was written before it sees the connection
    /// end, so a sender that dies once the statement is written leaves the message handed over: counted sent, not sent twice.
    /// </para>
    /// </summary>
    public PendingHandOver BeginHandOver(NotificationsDbContext db, EmailDelivery claimed)
    {
        var claim = claimed.ClaimedUntil ?? throw new InvalidOperationException($"Delivery {claimed.Id} is not claimed.");
        var sent = TakeSent();
        NpgsqlBatch? batch = null;
        try
        {
            db.Database.OpenConnection();
            batch = Batch(db, (claimed.Id, claim), sent);
            // Npgsql writes a small command to the socket before its first wait (for the answer): the task comes back
            // pending with the command sent, or failed when the write failed, with nothing committed.
            var answer = batch.ExecuteNonQueryAsync(CancellationToken.None);
            if (answer.IsFaulted) answer.GetAwaiter().GetResult();
            return new PendingHandOver(db, batch, sent, answer);
        }
        catch
        {
            batch?.Dispose();
            db.Database.CloseConnection();
            Restore(sent);
            throw;
        }
    }

    /// <summary>
    /// The database's answer to a <see cref="BeginHandOver"/>, read once the end of data has gone. Never throws: the
    /// message may be the server's by now, and an exception here must not make anyone send it again.
    /// </summary>
    public async Task<HandOverAnswer> ConfirmAsync(PendingHandOver pending)
    {
        try
        {
            await pending.Answer;
            return new HandOverAnswer(pending.Batch.BatchCommands[0].RecordsAffected == 1, null);
        }
        catch (Exception e)
        {
            Restore(pending.Sent); // whether they committed is unknown: written again, which changes nothing if they had
            return new HandOverAnswer(false, e);
        }
        finally
        {
            await pending.Batch.DisposeAsync();
            await pending.Db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Writes the sends recorded so far (a sender calls it as its batch ends); throws when the database did not take them.</summary>
    public void Flush(NotificationsDbContext db) => Write(db, handOver: null);

    /// <summary>Returns how many rows the hand-over marked (0 or 1).</summary>
    private int Write(NotificationsDbContext db, (Guid Id, DateTime Claim)? handOver)
    {
        var sent = TakeSent();
        if (handOver is null && sent.Count == 0) return 0;
        try
        {
            db.Database.OpenConnection();
            try
            {
                using var batch = Batch(db, handOver, sent);
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
            Restore(sent); // not lost: the next write takes them
            throw;
        }
    }

    /// <summary>One batch is one implicit transaction: the hand-over and the sends commit together, once.</summary>
    private NpgsqlBatch Batch(NotificationsDbContext db, (Guid Id, DateTime Claim)? handOver, List<(Guid Id, DateTime At)> sent)
    {
        var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
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

        return batch;
    }

    private List<(Guid Id, DateTime At)> TakeSent()
    {
        lock (_gate)
        {
            var sent = _sent;
            _sent = [];
            return sent;
        }
    }

    private void Restore(List<(Guid Id, DateTime At)> sent)
    {
        if (sent.Count == 0) return;
        lock (_gate) _sent.InsertRange(0, sent);
    }
}

/// <summary>A hand-over written to the database whose answer is still to be read (<see cref="DeliveryLedger.ConfirmAsync"/>).</summary>
public sealed record PendingHandOver(NotificationsDbContext Db, NpgsqlBatch Batch, List<(Guid Id, DateTime At)> Sent, Task<int> Answer);

/// <summary>
/// What the database made of a hand-over: <see cref="Recorded"/> under this sender's claim, or not (the claim had
/// lapsed), or unknown when <see cref="Failure"/> says why the answer never came.
/// </summary>
public readonly record struct HandOverAnswer(bool Recorded, Exception? Failure);
