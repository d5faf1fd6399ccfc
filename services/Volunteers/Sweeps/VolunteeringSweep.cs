using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Clock;
using Platform.Volunteers.Infrastructure;

namespace Platform.Volunteers.Sweeps;

/// <summary>
/// The time-driven work, every SweepInterval, or at once when a test moves the clock. Each part claims its rows in
/// PostgreSQL, so a second pass or a second replica running it at the same moment sends nothing twice.
/// </summary>
public sealed partial class VolunteeringScheduler(
    IServiceScopeFactory scopes, TimeProvider time, IServiceProvider services, IOptions<VolunteersOptions> options,
    ILogger<VolunteeringScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clockChanges = services.GetService<IClockChanges>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sweep = scope.ServiceProvider.GetRequiredService<VolunteeringSweep>();
                var result = await sweep.RunOnceAsync(stoppingToken);
                if (result.Any) LogSwept(logger, result.RolesClosed, result.ExpiryReminders, result.AtRisk, result.Milestones, result.CheckIns);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Nothing was claimed by a failed part (its transaction rolled back): the next pass retries it.
                LogFailed(logger, e);
            }
            await time.DelayAsync(options.Value.SweepInterval, clockChanges, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep: {Roles} roles closed, {Reminders} expiry reminders, {AtRisk} re-engagements, {Milestones} milestones, {CheckIns} check-ins asked")]
    private static partial void LogSwept(ILogger logger, int roles, int reminders, int atRisk, int milestones, int checkIns);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Volunteering sweep failed; retrying next pass")]
    private static partial void LogFailed(ILogger logger, Exception e);
}

public sealed record SweepResult(int RolesClosed, int ExpiryReminders, int AtRisk, int Milestones, int CheckIns)
{
    public bool Any => RolesClosed + ExpiryReminders + AtRisk + Milestones + CheckIns > 0;
}

/// <summary>One pass of every time-driven part; tests call it directly instead of waiting for the scheduler.</summary>
public sealed class VolunteeringSweep(ClosingDates closing, ExpiryReminders expiry, TenureMilestones tenure, LapseDetection lapse, CheckInInvitations checkIns)
{
    public async Task<SweepResult> RunOnceAsync(CancellationToken ct)
    {
        var closed = await closing.RunOnceAsync(ct);
        var reminders = await expiry.RunOnceAsync(ct);
        var milestones = await tenure.RunOnceAsync(ct);
        var atRisk = await lapse.RunOnceAsync(ct);
        var asked = await checkIns.RunOnceAsync(ct);
        return new SweepResult(closed, reminders, atRisk, milestones, asked);
    }
}
