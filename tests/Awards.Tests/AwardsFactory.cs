using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Jobs;
using Platform.Awards.Infrastructure;
using Platform.Awards.Results;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: AssemblyFixture(typeof(PostgresServer))]
// Two cores and one PostgreSQL (100 connections) shared by every class: classes run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Platform.Awards.Tests;

/// <summary>The real Awards service (see <see cref="ServiceFactory{TProgram, TDbContext}"/>), without its embargo sweeper unless asked: tests sweep themselves.</summary>
public sealed class AwardsFactory(string connectionString, bool runBackgroundServices = false)
    : ServiceFactory<Program, AwardsDbContext>("awards", connectionString)
{
    public static async Task<AwardsFactory> StartAsync(PostgresServer postgres, bool runBackgroundServices = false) =>
        new AwardsFactory(await MigratedDatabaseAsync(postgres, c => new AwardsFactory(c)), runBackgroundServices).Started<AwardsFactory>();

    /// <summary>A second replica on the same database.</summary>
    public static AwardsFactory Replica(AwardsFactory first, bool runBackgroundServices = false) =>
        new AwardsFactory(first.ConnectionString, runBackgroundServices).Started<AwardsFactory>();

    protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Awards:EmbargoSweepInterval", "00:00:00.200");

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        if (!runBackgroundServices) services.RemovePeriodicJob<EmbargoSweeper>();
    }

    public Task<int> SweepAsync() => EmbargoSweeper.SweepOnceAsync(Services.GetRequiredService<IServiceScopeFactory>(), CancellationToken.None);
}
