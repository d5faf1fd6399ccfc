// How to run on its own (from the repository, against a Release platform whose mail goes to the sink the bench starts,
// with a short claim lease so that what the killed senders held goes again within the run):
//
//   Notifications__Delivery__ClaimLease=00:00:30 ./platform up --release --gateway-port 8381 --ConnectionStrings:mail smtp://127.0.0.1:2626
//   ./platform bench fanout-kill --gateway http://127.0.0.1:8381 --smtp-sink-port 2626 [--subscribers 20000] [--kills 4] [--sink-dump DIR]
//
// With --sink-dump the sink writes every message it takes to DIR, and the run names each lost email with how long
// before the nearest kill it was handed over.
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Bench.Scenarios;

/// <summary>
/// How many emails a crash of the sender costs: one news post to N subscribers, and <c>kill -9</c> of Notifications
/// K times while it sends at full speed (each time once the restarted service has sent a stretch of the post). Then,
/// once every delivery is settled, the sink's count against N. A sender killed between writing a message's hand-over
/// and writing its "." loses that message (counted sent "in doubt", never taken), and the shorter that step, the fewer
/// are lost; the end-to-end kill tests meet the same window at 40 emails a second, this meets it at the sender's full
/// rate, where every kill lands among eight busy senders. Smtp-sink counts messages, not Message-IDs: a run that lost
/// one and sent another twice would show neither; a second copy needs the connection to drop after the hand-over,
/// which a kill of the sender does not cause.
/// </summary>
public sealed partial class FanOutKill : IScenario
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public async Task<object> RunAsync(BenchOptions options)
    {
        var subscribers = options.Subscribers;
        await using var sink = await PostfixSmtpSink.StartAsync(options.SmtpSinkPort
            ?? throw new InvalidOperationException("fanout-kill needs --smtp-sink-port N, the port the platform's ConnectionStrings:mail names."), options.SinkDump);
        var (database, secrets) = FanOutRun.Platform(options);
        var run = Guid.NewGuid().ToString("N")[..12];
        await FanOutRun.SeedSubscribersAsync(database, run, subscribers);
        try
        {
            await FanOutRun.WaitForEmptyQueueAsync(database);
            using var staff = await FanOutRun.StaffAsync(options, secrets);
            var post = await FanOutRun.DraftAsync(staff);
            var before = sink.Messages;
            var clock = Stopwatch.StartNew();
            await FanOutRun.PublishAsync(staff, post, subscribers);

            // A stretch of the post between kills, so each lands while the restarted service's senders are all busy.
            var stretch = Math.Max(1, subscribers / (options.Kills + 1) / 2);
            // The process listening on Notifications' port is Notifications: on a platform of one copy each, as the
            // bench's, a service listens on its own port (no proxy in front) and keeps it across a restart.
            var notificationsPort = PlatformResources.ServiceUrl(options, "notifications").Port;
            var killedAt = new List<long>();
            var killTimes = new List<DateTime>();
            while (killedAt.Count < options.Kills)
            {
                var mark = sink.Messages;
                while (sink.Messages < mark + stretch && sink.Messages - before < subscribers) await Wait(clock);
                if (sink.Messages - before >= subscribers) break; // the fan-out ended first
                var pid = ProcessMemory.ListeningProcess(notificationsPort)
                    ?? throw new InvalidOperationException("Nothing listens on Notifications' port: start the platform first.");
                killTimes.Add(DateTime.UtcNow);
                Process.GetProcessById(pid).Kill();
                killedAt.Add(sink.Messages - before);
                // Restarted by the AppHost, which does so at most five times in ten minutes: a platform used for an
                // earlier run may have none left.
                var restart = Stopwatch.StartNew();
                while (ProcessMemory.ListeningProcess(notificationsPort) is not { } next || next == pid)
                {
                    if (restart.Elapsed > TimeSpan.FromMinutes(2))
                        throw new InvalidOperationException("The AppHost did not start Notifications again within 2 minutes (it restarts a service at most five times in ten minutes): run fanout-kill on a fresh platform.");
                    await Task.Delay(TimeSpan.FromMilliseconds(250)); // each look reads every process's sockets
                }
            }

            // What the killed senders had claimed goes again once their claims lapse; then nothing is left to send.
            var settled = await SettledAsync(database, post, clock);
            await Task.Delay(TimeSpan.FromSeconds(2)); // a late message, if any, lands before the count
            var taken = sink.Messages - before;
            return new
            {
                Scenario = "fanout-kill",
                Subscribers = subscribers,
                Kills = killedAt.Count,
                KilledAtEmail = killedAt,
                Deliveries = settled.Deliveries,
                Sent = settled.Sent,
                InDoubt = settled.InDoubt,
                TakenBySink = taken,
                Missing = Math.Max(0, subscribers - taken),
                Extra = Math.Max(0, taken - subscribers),
                MissingPerKill = killedAt.Count == 0 ? 0 : Math.Round(Math.Max(0, subscribers - taken) / (double)killedAt.Count, 2),
                Lost = options.SinkDump is { } dump ? await LostAsync(database, post, dump, killTimes) : null,
                Seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            };
        }
        finally
        {
            await FanOutRun.RemoveAsync(database, run);
        }
    }

    private static async Task Wait(Stopwatch clock)
    {
        if (clock.Elapsed > FanOutRun.Timeout) throw new TimeoutException($"fanout-kill: not done after {FanOutRun.Timeout.TotalMinutes} min");
        await Task.Delay(PollInterval);
    }

    private sealed record Settled(int Deliveries, int Sent, int InDoubt);

    /// <summary>Waits until none of the post's deliveries is queued or being sent.</summary>
    private static async Task<Settled> SettledAsync(Psql database, Guid post, Stopwatch clock)
    {
        while (true)
        {
            var fields = (await database.QueryAsync($"""
                SELECT count(*), count(*) FILTER (WHERE status = 'Sent'), count(*) FILTER (WHERE failure_reason LIKE 'in doubt%'),
                       count(*) FILTER (WHERE status IN ('Queued', 'Sending'))
                FROM delivery WHERE news_post_id = '{post}'
                """)).Trim().Split('|').Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            if (fields[3] == 0) return new Settled(fields[0], fields[1], fields[2]);
            if (clock.Elapsed > FanOutRun.Timeout) throw new TimeoutException($"fanout-kill: {fields[3]} deliveries still unsettled after {FanOutRun.Timeout.TotalMinutes} min");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>
    /// The deliveries counted sent in doubt whose Message-ID is in none of the sink's dumps, each with the milliseconds
    /// from its hand-over (the sender's clock, this machine's) to the next kill: microseconds would mean the step
    /// between the hand-over's write and the "."; longer, something after the ".".
    /// </summary>
    private static async Task<List<object>> LostAsync(Psql database, Guid post, string dump, List<DateTime> killTimes)
    {
        var taken = Directory.EnumerateFiles(dump)
            .SelectMany(file => MessageId().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value.ToLowerInvariant()))
            .ToHashSet();
        var inDoubt = (await database.QueryAsync($"""
            SELECT replace(id::text, '-', ''), to_char(handed_over_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')
            FROM delivery WHERE news_post_id = '{post}' AND failure_reason LIKE 'in doubt%'
            """)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(row => row.Trim().Split('|'));
        var lost = new List<object>();
        foreach (var row in inDoubt.Where(row => !taken.Contains(row[0])))
        {
            var handedOver = DateTime.SpecifyKind(DateTime.Parse(row[1], CultureInfo.InvariantCulture), DateTimeKind.Utc);
            var kill = killTimes.Where(k => k >= handedOver.AddSeconds(-1)).DefaultIfEmpty(DateTime.MaxValue).Min();
            lost.Add(new { Delivery = row[0], HandedOverMsBeforeKill = kill == DateTime.MaxValue ? (double?)null : Math.Round((kill - handedOver).TotalMilliseconds, 3) });
        }

        return lost;
    }

    [GeneratedRegex(@"^Message-ID:\s*<([0-9a-fA-F]{32})@", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageId();
}
