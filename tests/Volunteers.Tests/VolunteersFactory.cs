using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Jobs;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Sweeps;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: AssemblyFixture(typeof(PostgresServer))]
// Two cores and one PostgreSQL (100 connections) shared by every class: classes run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Platform.Volunteers.Tests;

/// <summary>The real Volunteers service (see <see cref="ServiceFactory{TProgram, TDbContext}"/>), without its scheduler: tests run sweeps themselves.</summary>
public sealed class VolunteersFactory(string connectionString) : ServiceFactory<Program, VolunteersDbContext>("volunteers", connectionString)
{
    public static async Task<VolunteersFactory> StartAsync(PostgresServer postgres) =>
        new VolunteersFactory(await MigratedDatabaseAsync(postgres, c => new VolunteersFactory(c))).Started<VolunteersFactory>();

    protected override void ConfigureTestServices(IServiceCollection services) => services.RemovePeriodicJob<VolunteeringSweep>();

    public Task<SweepResult> SweepAsync() => RunAsync<VolunteeringSweep, SweepResult>(s => s.RunOnceAsync(CancellationToken.None));
}
