using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Notifications.Infrastructure;

namespace Platform.Notifications.Delivery;

/// <summary>
/// The senders' per-message records, written in groups. Each message needs its hand-over committed before its end of
/// data (what keeps a crash from sending it twice, <see cref="DeliveryQueue.SettleHandedOverAsync"/>) and its sending
/// recorded after the server's answer. Written one statement and one commit at a time, those round trips and
/// PostgreSQL's commits cost more than the SMTP conversation itself (bench news-fanout, profiled: README).
/// <para>
/// Group commit: a sender at its end of data whose hand-over finds another group being written waits, and the first of
/// those waiting then writes everything that queued meanwhile, in one batch and one commit: every waiting sender's
/// hand-over and every send recorded since. Each sender's own hand-over is committed before it is released, as before.
/// A send waits in memory for the next group (or the sender's <see cref="Flush"/> at the end of its batch); a crash
/// before then leaves that message handed over, which the next claim counts sent "in doubt": the same outcome, with
/// a reason that says less than it could.
/// </para>
/// Synchronous, as the mail sender's end-of-data gate calls it (<see cref="IEmailSender"/>): the thread that waits does
/// the I/O, so the end of data follows the commit at once, with no wait for a thread-pool thread in between.
/// </summary>
public sealed class DeliveryLedger(TimeProvider timeProvider)
{
    private const string HandOverSql = """
        UPDATE delivery d SET handed_over_at = $3
        FROM unnest($1::uuid[], $2::timestamptz[]) AS c(id, claim)
        WHERE d.id = c.id AND d.status = 'Sending' AND d.claimed_until = c.claim AND d.claimed_until > $3
        RETURNING d.id
        """;

    // The rendered parts (which hold links and tokens) and the address are no longer needed once sent.
    private const string SentSql = """
        UPDATE delivery d SET status = 'Sent', sent_at = s.at, claimed_until = NULL,
               address = NULL, text_body = NULL, html_body = NULL, attachments = NULL
        FROM unnest($1::uuid[], $2::timestamptz[]) AS s(id, at)
        WHERE d.id = s.id
        """;

    private readonly Lock _gate = new();
    private readonly List<Request> _waiting = [];
    private readonly List<(Guid Id, DateTime At)> _sent = [];
    private bool _writing;
    private long _groups;

    /// <summary>How many groups (batches, commits) have been written: with <c>HandOver</c>s at once, fewer than them.</summary>
    public long GroupsWritten => Interlocked.Read(ref _groups);

    /// <summary>The server took the message: written with the next group, at the time it was taken.</summary>
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
        var request = new Request(claimed.Id, claimed.ClaimedUntil ?? throw new InvalidOperationException($"Delivery {claimed.Id} is not claimed."));
        Write(db, request);
        if (request.Failure is { } failure) throw new InvalidOperationException("The hand-over could not be recorded.", failure);
        if (!request.Marked) throw new InvalidOperationException($"Delivery {claimed.Id} is no longer claimed by this sender; not sending it.");
    }

    /// <summary>Writes the sends recorded so far (a sender calls it as its batch ends); throws when the database did not take them.</summary>
    public void Flush(NotificationsDbContext db)
    {
        lock (_gate)
        {
            if (_sent.Count == 0) return;
        }

        var request = new Request(null, default);
        Write(db, request);
        if (request.Failure is { } failure) throw new InvalidOperationException("The sent messages could not be recorded.", failure);
    }

    private void Write(NotificationsDbContext db, Request request)
    {
        bool leads;
        lock (_gate)
        {
            _waiting.Add(request);
            leads = !_writing;
            _writing = true;
        }

        // Either this sender writes the group now, or it waits until a group holding its request is written, or until
        // it is the first waiting when a group ends (then it writes the next group, its own in it).
        if (!leads && !request.AwaitTurn()) return;

        List<Request> group;
        List<(Guid Id, DateTime At)> sent;
        lock (_gate)
        {
            group = [.. _waiting];
            _waiting.Clear();
            sent = [.. _sent];
            _sent.Clear();
        }

        try
        {
            var marked = Execute(db, group, sent);
            Interlocked.Increment(ref _groups);
            foreach (var member in group) member.Marked = member.DeliveryId is { } id && marked.Contains(id);
        }
        catch (Exception e)
        {
            foreach (var member in group) member.Failure = e;
            lock (_gate) _sent.InsertRange(0, sent); // not lost: the next group takes them
        }

        lock (_gate)
        {
            foreach (var member in group) member.Release(leads: false);
            if (_waiting.Count > 0) _waiting[0].Release(leads: true);
            else _writing = false;
        }
    }

    private HashSet<Guid> Execute(NotificationsDbContext db, List<Request> group, List<(Guid Id, DateTime At)> sent)
    {
        var handOvers = group.Where(r => r.DeliveryId is not null).ToList();
        var marked = new HashSet<Guid>();
        if (handOvers.Count == 0 && sent.Count == 0) return marked;

        db.Database.OpenConnection();
        try
        {
            using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            if (handOvers.Count > 0)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(HandOverSql)
                {
                    Parameters =
                    {
                        new() { Value = handOvers.Select(r => r.DeliveryId!.Value).ToArray() },
                        new() { Value = handOvers.Select(r => r.Claim).ToArray() },
                        new() { Value = timeProvider.GetUtcNow().UtcDateTime },
                    },
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
            using var reader = batch.ExecuteReader();
            if (handOvers.Count > 0)
            {
                while (reader.Read()) marked.Add(reader.GetGuid(0));
            }

            // Read to the end, so a failure of the second statement (which undoes the first) throws here.
            while (reader.NextResult())
            {
            }
        }
        finally
        {
            db.Database.CloseConnection();
        }

        return marked;
    }

    /// <summary>One sender's place in the next group: a hand-over, or (no delivery) a flush of the sends recorded.</summary>
    private sealed class Request(Guid? deliveryId, DateTime claim)
    {
        private readonly ManualResetEventSlim _turn = new(false);
        private bool _leads;

        public Guid? DeliveryId { get; } = deliveryId;
        public DateTime Claim { get; } = claim;
        public bool Marked { get; set; }
        public Exception? Failure { get; set; }

        /// <summary>Released under the ledger's lock: written with a group, or first in line to write the next.</summary>
        public void Release(bool leads)
        {
            _leads = leads;
            _turn.Set();
        }

        /// <summary>True when this sender is to write the next group; false when its request was written.</summary>
        public bool AwaitTurn()
        {
            _turn.Wait();
            return _leads;
        }
    }
}
