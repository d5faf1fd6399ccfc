// How to run on its own (from the repository, against a platform whose mail goes to the sink the bench starts):
//
//   ./platform up --release --gateway-port 8381 --dashboard-url http://127.0.0.1:19081 --ConnectionStrings:mail smtp://127.0.0.1:2626
//   ./platform bench news-fanout --gateway http://127.0.0.1:8381 --dashboard http://127.0.0.1:19081 --smtp-sink-port 2626 [--subscribers 100000]
//
// ./platform bench all does this for itself. The run seeds its subscribers straight into notificationsdb (volunteering
// news in Greystone; on a platform with other such subscribers the run stops: it counts its own) and removes them after.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Platform.Bench.Scenarios;

/// <summary>
/// One news post to N confirmed "immediately" subscribers: from the staff's publish request to the last email taken by
/// Postfix's smtp-sink. Beside it, in the same run and into the same sink, the ceiling: a plain MailKit client sending
/// the same number of messages of the same shape over as many connections as the service's senders use. Goal: the
/// fan-out reaches at least 0.7 of the ceiling, with every subscriber's delivery recorded exactly once.
/// </summary>
public sealed class NewsFanout : IScenario
{
    private const double Goal = 0.7;
    private const int SenderConcurrency = 8; // Notifications:Delivery:Concurrency's default
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async Task<object> RunAsync(BenchOptions options)
    {
        var subscribers = options.Subscribers;
        await using var ownSink = options.Sink is null
            ? await PostfixSmtpSink.StartAsync(options.SmtpSinkPort
                ?? throw new InvalidOperationException("news-fanout needs --smtp-sink-port N, the port the platform's ConnectionStrings:mail names (or ./platform bench all)."))
            : null;
        var sink = options.Sink ?? ownSink!;
        var (database, secrets) = FanOutRun.Platform(options);
        var run = Guid.NewGuid().ToString("N")[..12];
        await FanOutRun.SeedSubscribersAsync(database, run, subscribers);
        try
        {
            await FanOutRun.WaitForEmptyQueueAsync(database);
            var loadBefore = MachineLoad.Now();
            var ceiling = await PlainClientAsync(sink, subscribers);
            using var staff = await FanOutRun.StaffAsync(options, secrets);
            var (fanout, postId) = await FanOutAsync(staff, sink, subscribers);
            var exactlyOnce = await CheckExactlyOnceAsync(database, sink, postId, subscribers, fanout.SinkBefore);

            var ratio = Math.Round(fanout.EmailsPerSecond / ceiling.EmailsPerSecond, 3);
            return new
            {
                Scenario = "news-fanout",
                Subscribers = subscribers,
                Sink = $"Postfix smtp-sink on {sink.Address}",
                Connections = SenderConcurrency,
                FanOut = fanout,
                MailKitCeiling = ceiling,
                FanOutOverCeiling = new { Ratio = ratio, Goal = $">= {Goal}", Met = ratio >= Goal && exactlyOnce.Ok },
                ExactlyOnce = exactlyOnce,
                LoadBefore = loadBefore,
                LoadAfter = MachineLoad.Now(),
            };
        }
        finally
        {
            await FanOutRun.RemoveAsync(database, run);
        }
    }

    private sealed record Measured(int Emails, double SecondsToLastDelivery, double EmailsPerSecond, long SinkBefore, double? PublishSeconds = null, double? FirstEmailSeconds = null);

    private static async Task<(Measured Result, Guid PostId)> FanOutAsync(HttpClient staff, PostfixSmtpSink sink, int subscribers)
    {
        var id = await FanOutRun.DraftAsync(staff);
        var before = sink.Messages;
        var clock = Stopwatch.StartNew();
        await FanOutRun.PublishAsync(staff, id, subscribers);
        var publishSeconds = clock.Elapsed.TotalSeconds;

        var first = Task.Run(async () =>
        {
            while (sink.Messages == before) await Task.Delay(10);
            return clock.Elapsed.TotalSeconds;
        });
        await sink.WaitForAsync(before + subscribers, FanOutRun.Timeout, clock, PollInterval);
        var seconds = clock.Elapsed.TotalSeconds;
        return (new Measured(subscribers, Math.Round(seconds, 2), Math.Round(subscribers / seconds, 1), before, Math.Round(publishSeconds, 3),
            Math.Round(await first, 3)), id);
    }

    /// <summary>The ceiling: the same number of messages, the same shape, over the same number of kept connections, no service in between.</summary>
    private static async Task<Measured> PlainClientAsync(PostfixSmtpSink sink, int count)
    {
        var before = sink.Messages;
        var next = -1;
        var body = FanOutRun.Body();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, SenderConcurrency).Select(_ => Task.Run(async () =>
        {
            using var client = new SmtpClient();
            await client.ConnectAsync("127.0.0.1", sink.Port, SecureSocketOptions.None);
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var message = new MimeMessage();
                message.From.Add(new MailboxAddress("Safer Communities Partnership", "updates@safer-communities.local"));
                message.To.Add(MailboxAddress.Parse($"ceiling-{i}@bench.example.org"));
                message.Subject = "Volunteers needed this weekend";
                message.Body = new BodyBuilder { TextBody = body, HtmlBody = $"<p>{body}</p>" }.ToMessageBody();
                await client.SendAsync(message);
            }

            await client.DisconnectAsync(quit: true);
        })));
        await sink.WaitForAsync(before + count, FanOutRun.Timeout, clock, PollInterval);
        var seconds = clock.Elapsed.TotalSeconds;
        return new Measured(count, Math.Round(seconds, 2), Math.Round(count / seconds, 1), before);
    }

    /// <summary>
    /// Every subscriber has one delivery of the post, recorded sent, and the sink took exactly that many messages
    /// while the fan-out ran (nothing else sends meanwhile): no one missed, no one twice.
    /// </summary>
    private sealed record ExactlyOnce(int Deliveries, int DistinctRecipients, int Sent, long MessagesTakenBySink, bool Ok);

    private static async Task<ExactlyOnce> CheckExactlyOnceAsync(Psql database, PostfixSmtpSink sink, Guid postId, int subscribers, long sinkBefore)
    {
        // A second to let a duplicate, if any, land before the sink is counted.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var fields = (await database.QueryAsync(
            $"SELECT count(*), count(DISTINCT recipient), count(*) FILTER (WHERE status = 'Sent') FROM delivery WHERE news_post_id = '{postId}'"))
            .Trim().Split('|').Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var taken = sink.Messages - sinkBefore;
        return new ExactlyOnce(fields[0], fields[1], fields[2], taken,
            Ok: fields[0] == subscribers && fields[1] == subscribers && fields[2] == subscribers && taken == subscribers);
    }
}
