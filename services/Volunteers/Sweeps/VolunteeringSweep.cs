using Platform.ServiceDefaults.Jobs;

namespace Platform.Volunteers.Sweeps;

public sealed record SweepResult(int RolesClosed, int ExpiryReminders, int AtRisk, int Milestones, int CheckIns)
{
    public bool Any => RolesClosed + ExpiryReminders + AtRisk + Milestones + CheckIns > 0;
}

/// <summary>
/// One pass of every time-driven part, a periodic job every SweepInterval (tests call it directly instead). Each part
/// claims its rows in PostgreSQL, so a second pass or a second replica running it at the same moment sends nothing
/// twice, and a failed part claimed nothing (its transaction rolled back): the next pass retries it.
/// </summary>
public sealed partial class VolunteeringSweep(
    ClosingDates closing, ExpiryReminders expiry, TenureMilestones tenure, LapseDetection lapse, CheckInInvitations checkIns,
    ILogger<VolunteeringSweep> logger) : IPeriodicJob
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

    async Task IPeriodicJob.RunAsync(CancellationToken ct)
    {
        var result = await RunOnceAsync(ct);
        if (result.Any) LogSwept(logger, result.RolesClosed, result.ExpiryReminders, result.AtRisk, result.Milestones, result.CheckIns);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep: {Roles} roles closed, {Reminders} expiry reminders, {AtRisk} re-engagements, {Milestones} milestones, {CheckIns} check-ins asked")]
    private static partial void LogSwept(ILogger logger, int roles, int reminders, int atRisk, int milestones, int checkIns);
}
