using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Jobs;
using Platform.Events.ChangeNotices;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;
using Platform.Events.Reminders;
using Platform.Events.Waitlists;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: AssemblyFixture(typeof(PostgresServer))]
// Two cores and one PostgreSQL (100 connections) shared by every class: classes run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Platform.Events.Tests;

/// <summary>The real Events service (see <see cref="ServiceFactory{TProgram, TDbContext}"/>), without its promoter and reminder loops unless asked.</summary>
public sealed class EventsFactory(string connectionString, bool runBackgroundServices = false)
    : ServiceFactory<Program, EventsDbContext>("events", connectionString)
{
    public static async Task<EventsFactory> StartAsync(PostgresServer postgres, bool runBackgroundServices = false) =>
        new EventsFactory(await MigratedDatabaseAsync(postgres, c => new EventsFactory(c)), runBackgroundServices).Started<EventsFactory>();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        if (runBackgroundServices) return;
        services.RemovePeriodicJob<WaitlistPromoter>().RemovePeriodicJob<EventReminders>().RemovePeriodicJob<ChangeNoticeSender>();
    }

    public Task<(int Expired, int Offered)> RunPromotionAsync() => RunAsync<WaitlistPromotion, (int, int)>(p => p.RunOnceAsync(CancellationToken.None));

    public Task<int> RunHoldSweepAsync() => RunAsync<UnconfirmedHolds, int>(h => h.ReleaseLapsedAsync(CancellationToken.None));

    public Task<int> RunRemindersAsync() => RunAsync<EventReminders, int>(r => r.RunOnceAsync(CancellationToken.None));

    public Task<int> RunChangeNoticesAsync() => RunAsync<ChangeNoticeSender, int>(s => s.RunOnceAsync(CancellationToken.None));
}
