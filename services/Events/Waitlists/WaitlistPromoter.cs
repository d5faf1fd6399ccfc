using Microsoft.Extensions.Options;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;
using Platform.ServiceDefaults.Clock;

namespace Platform.Events.Waitlists;

/// <summary>Releases lapsed unconfirmed holds (<see cref="UnconfirmedHolds"/>), then runs <see cref="WaitlistPromotion"/>, whenever a place frees and at least every PromotionInterval.</summary>
public sealed partial class WaitlistPromoter(
    IServiceScopeFactory scopes, WaitlistSignal signal, TimeProvider time, IOptions<EventsOptions> options, ILogger<WaitlistPromoter> logger,
    IClockChanges? clockChanges = null)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var holds = scopes.CreateAsyncScope())
                {
                    var released = await holds.ServiceProvider.GetRequiredService<UnconfirmedHolds>().ReleaseLapsedAsync(stoppingToken);
                    if (released > 0) LogReleased(logger, released);
                }
                await using var scope = scopes.CreateAsyncScope();
                var (expired, offered) = await scope.ServiceProvider.GetRequiredService<WaitlistPromotion>().RunOnceAsync(stoppingToken);
                if (expired + offered > 0) LogRound(logger, expired, offered);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A database blip must not stop promotion for good; the next round retries.
                LogFailed(logger, e);
            }

            // A freed place, the interval, or a moved clock (a test platform's) starts the next round.
            using var wake = clockChanges is null
                ? CancellationTokenSource.CreateLinkedTokenSource(stoppingToken)
                : CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, clockChanges.Moved);
            try
            {
                await signal.WaitAsync(options.Value.PromotionInterval, time, wake.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waitlists: {Expired} offers expired, {Offered} places offered")]
    private static partial void LogRound(ILogger logger, int expired, int offered);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registrations: {Released} unconfirmed holds lapsed and their places were released")]
    private static partial void LogReleased(ILogger logger, int released);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waitlist promotion round failed; retrying next round")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
