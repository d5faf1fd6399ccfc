using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Messaging;

/// <summary>
/// Publishes committed outbox rows for as long as the service runs. It never gives up on a row: a broker or
/// database outage only delays delivery, with capped exponential back-off, until everything accumulated is sent.
/// Not a ServiceDefaults periodic job: it drains a queue (a full batch goes again at once, a failure backs off
/// exponentially), where a periodic job runs one pass per interval.
/// </summary>
internal sealed partial class OutboxRelay<TDbContext>(
    OutboxRelayBatch<TDbContext> batch,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService where TDbContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var consecutiveFailures = 0;
        var nextCleanup = timeProvider.GetUtcNow() + settings.CleanupInterval;

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                OutboxBatchResult result;
                try
                {
                    result = await batch.RunAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Typically the database is unreachable; the rows are safe where they are.
                    result = new OutboxBatchResult(0, 0, ex);
                }

                if (result.Failure is not null)
                {
                    consecutiveFailures++;
                    var delay = OutboxBackoff.After(consecutiveFailures, settings);
                    LogRelayFailed(logger, result.Failure, result.Published, consecutiveFailures, delay);
                    await Task.Delay(delay, timeProvider, stoppingToken);
                    continue;
                }

                if (consecutiveFailures > 0)
                {
                    LogRelayRecovered(logger, consecutiveFailures);
                    consecutiveFailures = 0;
                }

                if (timeProvider.GetUtcNow() >= nextCleanup)
                {
                    await DeleteSentRowsAsync(stoppingToken);
                    nextCleanup = timeProvider.GetUtcNow() + settings.CleanupInterval;
                }

                // A full batch means more rows are probably waiting: go again without sleeping.
                if (result.Locked < settings.BatchSize)
                {
                    await signal.WaitAsync(settings.PollInterval, timeProvider, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown. Unsent rows stay in the table for the next start.
        }
    }

    private async Task DeleteSentRowsAsync(CancellationToken stoppingToken)
    {
        try
        {
            var deleted = await batch.DeleteSentAsync(stoppingToken);
            if (deleted > 0)
            {
                LogSentRowsDeleted(logger, deleted);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogCleanupFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay failed after publishing {Published} message(s); attempt {Failures} in a row, retrying in {Delay}")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception, int published, int failures, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox relay recovered after {Failures} failed attempt(s)")]
    private static partial void LogRelayRecovered(ILogger logger, int failures);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {Count} sent outbox message(s) past their retention")]
    private static partial void LogSentRowsDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting sent outbox messages failed; will try again later")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception);
}
