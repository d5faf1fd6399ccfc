using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.News;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.Delivery;

/// <summary>
/// Drains the outgoing queue: <see cref="DeliveryOptions.Concurrency"/> senders, each claiming a small batch in
/// priority order (transactional first), sending through the shared retry and circuit-breaker pipeline at the
/// configured rate, and recording each outcome when the server answers (a send with the next hand-over,
/// <see cref="DeliveryLedger"/>, and at the latest as the batch ends). Exactly once across a crash: the
/// hand-over (the whole message written, the end of data next) is written to the database before the server can take
/// the message (its answer read after the ".", <see cref="DeliveryLedger.BeginHandOver"/>), and a message handed over by
/// a sender that died is counted sent rather than sent again (<see cref="DeliveryQueue.SettleHandedOverAsync"/>); one
/// not handed over was never taken and goes again. A sender that overran its claim cannot hand over a message another
/// sender has claimed since. What remains is SMTP's own: a sender that dies between writing the hand-over and writing
/// the "." (tens of microseconds; milliseconds when its thread waits for a core or a garbage collection, README "The
/// hand-over window") loses that message, and a server that drops the connection after the hand-over gets
/// the message again (it may not have taken it: sending again is what keeps it from being lost, with the same
/// Message-ID, which receivers use to drop a copy). Outcomes the database cannot take at once (it is restarting) are
/// retried while the claim lasts, so a short outage costs neither a second copy nor a lease's wait; a sender that dies
/// during such an outage, its hand-over written but not taken, leaves that message to go again.
/// Not a ServiceDefaults periodic job: it drains a queue with several senders at once, going again at once while
/// there is work, where a periodic job runs one pass per interval.
/// </summary>
public sealed partial class DeliverySender(
    IServiceScopeFactory scopes,
    IEmailSender emailSender,
    SmtpResilience resilience,
    DeliverySignal signal,
    IOptions<DeliveryOptions> options,
    IOptions<MailOptions> mailOptions,
    TimeProvider timeProvider,
    ILogger<DeliverySender> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, NewsPost> _posts = new();
    private readonly RateLimiter? _rate = CreateRateLimiter(options.Value.MessagesPerSecond);

    /// <summary>How often an idle sender other than the first looks for work: only in case the first is busy with a slow batch.</summary>
    internal static readonly TimeSpan HelperPollInterval = TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Concurrency).Select(sender => Task.Run(() => RunSenderAsync(sender == 0, stoppingToken), stoppingToken)));

    // When idle, one sender looks for work nobody announced (another replica's, a retry come due, a wake that came before
    // its transaction committed) every PollInterval; the others sleep until woken, by a queued message or by a sender
    // that claimed a full batch. So an idle service asks the database a few times a second rather than eight times as
    // often, and a fan-out still has every sender working within moments of its first batch.
    private async Task RunSenderAsync(bool looksForWork, CancellationToken stoppingToken)
    {
        var poll = looksForWork ? options.Value.PollInterval : TimeSpan.FromTicks(Math.Max(HelperPollInterval.Ticks, options.Value.PollInterval.Ticks));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await SendBatchAsync(stoppingToken) == 0)
                {
                    await signal.WaitAsync(poll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database is unreachable, most likely; claims lapse and nothing is lost. Try again shortly.
                LogSenderFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>Claims and sends one batch; returns how many were claimed.</summary>
    public async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<DeliveryQueue>();
        var batch = await queue.ClaimAsync(options.Value.BatchSize, cancellationToken);
        if (batch.Count == 0) return 0;
        // A full batch means more is probably waiting: another sender joins in, and it wakes the next if it is full too.
        if (batch.Count == options.Value.BatchSize) signal.Wake();

        var started = timeProvider.GetTimestamp();
        var i = 0;
        try
        {
            for (; i < batch.Count; i++)
            {
                // Stop well inside the lease, so another sender never takes over a message this one may still send.
                if (timeProvider.GetElapsedTime(started) > options.Value.ClaimLease / 2)
                {
                    await RecordAsync(started, () => queue.RequeueAsync([.. batch.Skip(i)], countAttempt: false, 0, null, CancellationToken.None));
                    break;
                }

                var delivery = batch[i];
                if (_rate is not null)
                {
                    using var lease = await _rate.AcquireAsync(1, cancellationToken);
                }

                var outcome = await SendOneAsync(scope.ServiceProvider, queue, delivery, cancellationToken);
                switch (outcome)
                {
                    case Outcome.Sent:
                        queue.MarkSent(delivery.Id);
                        break;
                    case Outcome.CircuitOpen:
                        // The server is down: put this and the rest of the batch back untried and pause this sender.
                        await RecordAsync(started, () => queue.RequeueAsync([.. batch.Skip(i)], countAttempt: false, 0, "mail server unavailable", CancellationToken.None));
                        await RecordAsync(started, queue.FlushSent);
                        await Task.Delay(options.Value.BreakDuration, cancellationToken);
                        return batch.Count;
                    case Outcome.NotHandedOver:
                        // The database went away between claim and hand-over: nothing was taken by the server. Put the
                        // batch back once the database answers, rather than leave it claimed for a lease.
                        await RecordAsync(started, () => queue.RequeueAsync([.. batch.Skip(i)], countAttempt: false, 0, null, CancellationToken.None));
                        await RecordAsync(started, queue.FlushSent);
                        return batch.Count;
                    case Outcome.Transient transient:
                        await RecordAsync(started, () => queue.RequeueAsync([delivery], countAttempt: true, delivery.Attempts, transient.Reason, CancellationToken.None));
                        break;
                    case Outcome.Permanent permanent:
                        await RecordAsync(started, () => queue.FailAsync(delivery, permanent.Reason, permanent.SuppressAddress, CancellationToken.None));
                        break;
                }
            }

            await RecordAsync(started, queue.FlushSent);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: hand back what this sender has not finished, rather than leave it claimed for a lease, and
            // record what it sent (if that fails, the next settle counts those sent in doubt: still not sent twice).
            await queue.RequeueAsync([.. batch.Skip(i)], countAttempt: false, 0, null, CancellationToken.None);
            await queue.FlushSent();
            throw;
        }

        return batch.Count;
    }

    /// <summary>
    /// Records an outcome, trying again while the database is away (a restart takes seconds) for as long as the claim
    /// is surely this sender's; past that the claim lapses and the next sender settles the message from what was recorded.
    /// </summary>
    private async Task RecordAsync(long claimed, Func<Task> write)
    {
        while (true)
        {
            try
            {
                await write();
                return;
            }
            catch (Exception e) when (IsDatabaseUnavailable(e) && timeProvider.GetElapsedTime(claimed) < options.Value.ClaimLease / 2)
            {
                LogRecordRetry(logger, SmtpFailures.Describe(e));
                await Task.Delay(TimeSpan.FromMilliseconds(500), timeProvider, CancellationToken.None);
            }
        }
    }

    private static bool IsDatabaseUnavailable(Exception e) => e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException
        || e.InnerException is { } inner && IsDatabaseUnavailable(inner);

    private async Task<Outcome> SendOneAsync(IServiceProvider services, DeliveryQueue queue, EmailDelivery delivery, CancellationToken cancellationToken)
    {
        RenderedEmail email;
        try
        {
            email = await RenderAsync(services, delivery, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRenderFailed(logger, e, delivery.Id);
            return new Outcome.Permanent($"could not be rendered: {e.Message}", SuppressAddress: false);
        }

        try
        {
            await resilience.Pipeline.ExecuteAsync(async ct =>
            {
                PendingHandOver? pending = null;
                try
                {
                    await emailSender.SendAsync(delivery.Address ?? delivery.Recipient, email, () => pending = HandOver(), ct);
                }
                finally
                {
                    // Each attempt reads its hand-over's answer before the next attempt (or the next message) uses the connection.
                    if (pending is not null) await ConfirmAsync(pending);
                }
            }, cancellationToken);
            return Outcome.Sent.Instance;
        }
        catch (HandOverNotRecordedException e)
        {
            LogNotHandedOver(logger, e.InnerException!, delivery.Id);
            return Outcome.NotHandedOver.Instance;
        }
        catch (Exception e) when (SmtpResilience.IsOpenCircuit(e))
        {
            return Outcome.CircuitOpen.Instance;
        }
        catch (Exception e) when (SmtpFailures.IsPermanentForRecipient(e))
        {
            LogRefused(logger, delivery.Id, SmtpFailures.Describe(e));
            return new Outcome.Permanent(SmtpFailures.Describe(e), SuppressAddress: true);
        }
        catch (Exception e) when (SmtpFailures.IsPermanentForMessage(e))
        {
            LogRefused(logger, delivery.Id, SmtpFailures.Describe(e));
            return new Outcome.Permanent(SmtpFailures.Describe(e), SuppressAddress: false);
        }
        catch (Exception e) when (SmtpFailures.IsTransient(e))
        {
            LogTransient(logger, delivery.Id, delivery.Attempts, SmtpFailures.Describe(e));
            return new Outcome.Transient(SmtpFailures.Describe(e));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not the server's answer (e.g. an address MimeKit cannot parse): retrying cannot help.
            LogRefused(logger, delivery.Id, e.Message);
            return new Outcome.Permanent($"not sendable: {e.Message}", SuppressAddress: false);
        }

        // Not cancellable: once the message is written, recording the hand-over is what stands between it and a second copy.
        PendingHandOver? HandOver()
        {
            try
            {
                return queue.MarkHandedOver(delivery);
            }
            catch (Exception e)
            {
                throw new HandOverNotRecordedException(e);
            }
        }

        // The "." has gone (or the conversation ended after the hand-over): what the server did decides the outcome, and
        // a hand-over the database did not confirm is only logged. The send is recorded when the server took it either way.
        async Task ConfirmAsync(PendingHandOver pending)
        {
            var answer = await queue.ConfirmHandOverAsync(pending);
            if (answer.Failure is { } failure) LogHandOverUnconfirmed(logger, failure, delivery.Id);
            else if (!answer.Recorded) LogHandedOverWithoutClaim(logger, delivery.Id);
        }
    }

    private sealed class HandOverNotRecordedException(Exception inner) : Exception("The hand-over to the mail server could not be recorded.", inner);


    private async Task<RenderedEmail> RenderAsync(IServiceProvider services, EmailDelivery delivery, CancellationToken cancellationToken)
    {
        RenderedEmail email;
        if (delivery.HtmlBody is null && delivery.NewsPostId is { } postId && delivery.SubscriberId is { } subscriberId)
        {
            var post = await PostAsync(services, postId, cancellationToken);
            email = services.GetRequiredService<SubscriberEmails>().News(post, subscriberId);
        }
        else
        {
            email = new RenderedEmail(delivery.Subject ?? "", delivery.TextBody ?? "", delivery.HtmlBody ?? "")
            {
                Attachments = delivery.Attachments is { } json ? JsonSerializer.Deserialize<List<EmailAttachment>>(json) ?? [] : [],
            };
            if (delivery.SubscriberId is { } id)
            {
                var links = services.GetRequiredService<SubscriberLinks>();
                email = email with { Headers = links.Headers(id) };
            }
        }

        var headers = new Dictionary<string, string>(email.Headers)
        {
            // The same id on every attempt: a receiver can recognise a resend after a crash.
            ["Message-ID"] = $"<{delivery.Id:N}@{MailDomain}>",
        };
        return email with { Headers = headers };
    }

    private string MailDomain => mailOptions.Value.FromAddress.Split('@')[^1];

    private async Task<NewsPost> PostAsync(IServiceProvider services, Guid id, CancellationToken cancellationToken)
    {
        if (_posts.TryGetValue(id, out var cached)) return cached;
        var db = services.GetRequiredService<NotificationsDbContext>();
        var post = await db.NewsPosts.AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken);
        // Published posts do not change; cache them for the rest of the fan-out.
        return _posts.GetOrAdd(id, post);
    }

    private static TokenBucketRateLimiter? CreateRateLimiter(int perSecond)
    {
        if (perSecond <= 0) return null;
        var periods = Math.Min(perSecond, 10);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perSecond / periods),
            TokensPerPeriod = Math.Max(1, perSecond / periods),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1.0 / periods),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public override void Dispose()
    {
        _rate?.Dispose();
        base.Dispose();
    }

    private abstract record Outcome
    {
        public sealed record Sent : Outcome { public static readonly Sent Instance = new(); }
        public sealed record CircuitOpen : Outcome { public static readonly CircuitOpen Instance = new(); }
        public sealed record NotHandedOver : Outcome { public static readonly NotHandedOver Instance = new(); }
        public sealed record Transient(string Reason) : Outcome;
        public sealed record Permanent(string Reason, bool SuppressAddress) : Outcome;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The delivery sender failed; retrying shortly")]
    private static partial void LogSenderFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} was not handed to the mail server: its hand-over could not be recorded")]
    private static partial void LogNotHandedOver(ILogger logger, Exception e, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} was handed to the mail server, but the database did not confirm its hand-over; its outcome is recorded when the database answers again")]
    private static partial void LogHandOverUnconfirmed(ILogger logger, Exception e, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} was handed to the mail server after its claim had lapsed; the sender that took it over may send it again")]
    private static partial void LogHandedOverWithoutClaim(ILogger logger, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery's outcome could not be recorded yet, trying again: {Reason}")]
    private static partial void LogRecordRetry(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} could not be rendered")]
    private static partial void LogRenderFailed(ILogger logger, Exception e, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} was refused for good: {Reason}")]
    private static partial void LogRefused(ILogger logger, Guid deliveryId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} failed (attempt {Attempt}), will retry: {Reason}")]
    private static partial void LogTransient(ILogger logger, Guid deliveryId, int attempt, string reason);
}
