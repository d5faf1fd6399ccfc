using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Events.Infrastructure;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Events.Registrations;

/// <summary>
/// Forgets Idempotency-Keys once a client could no longer be retrying, so the table does not grow for ever.
/// A retry after that creates a new registration, as it would for any key the service has never seen.
/// </summary>
public sealed class IdempotencyKeyCleanup(EventsDbContext db, TimeProvider time, IOptions<EventsOptions> options) : IPeriodicJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.IdempotencyKeyRetention;
        await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
