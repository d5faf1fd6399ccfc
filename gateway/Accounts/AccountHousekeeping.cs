using Microsoft.EntityFrameworkCore;
using Platform.Gateway.Data;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Gateway.Accounts;

/// <summary>
/// Deletes what no longer lets anyone in: sessions that ended (expired, logged out, ended by a password change) and
/// invitations and password-reset links that were used or ran out, once they are <see cref="KeepEndedFor"/> old (and
/// the sign-in throttle's counts once none can matter), so the tables hold live
/// credentials plus a short trail, not years of hashes. Deletes are idempotent, so two gateways may both run it.
/// A periodic job, at start and then every <see cref="Interval"/>; nothing is lost by deleting late.
/// </summary>
public sealed partial class AccountHousekeeping(GatewayDbContext db, TimeProvider time, ILogger<AccountHousekeeping> logger) : IPeriodicJob
{
    public static readonly TimeSpan KeepEndedFor = TimeSpan.FromDays(7);

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    async Task IPeriodicJob.RunAsync(CancellationToken cancellationToken)
    {
        var (sessions, invitations) = await RunOnceAsync(cancellationToken);
        if (sessions + invitations > 0) LogDeleted(logger, sessions, invitations);
    }

    public async Task<(int Sessions, int Invitations)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - KeepEndedFor;
        var sessions = await db.Sessions
            .Where(s => s.ExpiresAt < before || (s.RevokedAt != null && s.RevokedAt < before))
            .ExecuteDeleteAsync(cancellationToken);
        var invitations = await db.Invitations
            .Where(i => i.ExpiresAt < before || (i.AcceptedAt != null && i.AcceptedAt < before))
            .ExecuteDeleteAsync(cancellationToken);
        invitations += await db.PasswordResets
            .Where(r => r.ExpiresAt < before || (r.UsedAt != null && r.UsedAt < before))
            .ExecuteDeleteAsync(cancellationToken);
        // The sign-in throttle's counts: none matters once older than the longest it looks back (a known address).
        var forgotten = time.GetUtcNow() - LoginThrottle.KnownAddressFor;
        await db.LoginThrottleEntries.Where(e => e.At < forgotten).ExecuteDeleteAsync(cancellationToken);
        return (sessions, invitations);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: deleted {Sessions} ended sessions and {Invitations} spent invitations and reset links")]
    private static partial void LogDeleted(ILogger logger, int sessions, int invitations);
}
