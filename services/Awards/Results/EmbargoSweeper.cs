using Microsoft.Extensions.Options;
using Platform.Awards.Infrastructure;
using Platform.ServiceDefaults.Clock;

namespace Platform.Awards.Results;

/// <summary>
/// Lifts embargoes when ceremonies start. Reads the clock afresh each pass; safe to run in every replica because
/// <see cref="WinnersAnnouncement"/> announces each programme once whoever gets there first.
/// </summary>
public sealed partial class EmbargoSweeper(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<AwardsOptions> options, ILogger<EmbargoSweeper> logger, IServiceProvider services)
    : BackgroundService
{
    private readonly IClockChanges? _clockChanges = services.GetService<IClockChanges>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepOnceAsync(scopes, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A database blip must not stop announcements for good; the next pass retries.
                LogFailed(logger, e);
            }
            await time.DelayAsync(options.Value.EmbargoSweepInterval, _clockChanges, stoppingToken);
        }
    }

    /// <returns>How many programmes this pass announced.</returns>
    public static async Task<int> SweepOnceAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await scope.ServiceProvider.GetRequiredService<WinnersAnnouncement>().DueAsync(ct);

        var announced = 0;
        foreach (var programmeId in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<WinnersAnnouncement>().TryAnnounceAsync(programmeId, byHand: false, ct)) announced++;
        }
        return announced;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embargo sweep failed; retrying next pass")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
