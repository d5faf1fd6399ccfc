using Microsoft.EntityFrameworkCore;
using Platform.Gateway.Data;

namespace Platform.Gateway.Accounts;

/// <summary>
/// Deletes what no longer lets anyone in: sessions that ended (expired, logged out, ended by a password change) and
/// invitations that were accepted or ran out, once they are <see cref="KeepEndedFor"/> old, so the tables hold live
/// credentials plus a short trail, not years of hashes. Deletes are idempotent, so two gateways may both run it.
/// </summary>
public sealed class AccountHousekeeping(GatewayDbContext db, TimeProvider time)
{
    public static readonly TimeSpan KeepEndedFor = TimeSpan.FromDays(7);

    public async Task<(int Sessions, int Invitations)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - KeepEndedFor;
        var sessions = await db.Sessions
            .Where(s => s.ExpiresAt < before || (s.RevokedAt != null && s.RevokedAt < before))
            .ExecuteDeleteAsync(cancellationToken);
        var invitations = await db.Invitations
            .Where(i => i.ExpiresAt < before || (i.AcceptedAt != null && i.AcceptedAt < before))
            .ExecuteDeleteAsync(cancellationToken);
        return (sessions, invitations);
    }
}

/// <summary>Runs <see cref="AccountHousekeeping"/> at start and then every hour.</summary>
internal sealed partial class AccountHousekeepingService(IServiceScopeFactory scopes, TimeProvider time, ILogger<AccountHousekeepingService> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var (sessions, invitations) = await scope.ServiceProvider.GetRequiredService<AccountHousekeeping>().RunOnceAsync(stoppingToken);
                if (sessions + invitations > 0) LogDeleted(logger, sessions, invitations);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The next pass retries; nothing is lost by deleting late.
                LogFailed(logger, e);
            }

            await Task.Delay(Interval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: deleted {Sessions} ended sessions and {Invitations} spent invitations")]
    private static partial void LogDeleted(ILogger logger, int sessions, int invitations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account housekeeping failed; retrying next hour")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
