using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Data.Jobs;
using Platform.ServiceDefaults.Jobs;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Shaped like Aspire's Npgsql EF Core client integration (absent from the feed): one call registers a service's
/// DbContext from ConnectionStrings:{name}, as the AppHost injects it, with a health check in /health.
/// </summary>
public static class NpgsqlDbContextExtensions
{
    public static IHostApplicationBuilder AddNpgsqlDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName} is not set. The AppHost injects it as ConnectionStrings__{connectionName}=Host=…;Port=…;Username=…;Password=…;Database={connectionName}.");
        connectionString = WithPlatformDefaults(connectionString);
        // No retrying execution strategy: the outbox and inbox run their own transactions, which such a strategy forbids.
        // A restarted server's dead pooled connections cost one failure, not one per connection (Platform.Data.ServerRestarts).
        builder.Services.AddDbContext<TContext>(options => options.UseNpgsql(connectionString).AddInterceptors(Platform.Data.ServerRestarts.Instance));
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(connectionName, tags: ["ready"]);
        // Periodic jobs run one pass at a time across the service's replicas, locked in its database.
        builder.Services.TryAddSingleton<IPeriodicJobLock>(_ => new PostgresJobLock(connectionString));
        return builder;
    }

    /// <summary>
    /// The services share one PostgreSQL server. Npgsql's default pool (100) would let one busy service take every
    /// connection the server has, and the others' requests fail; a bounded pool makes a burst queue for a
    /// connection instead. A pool size in the injected connection string wins.
    /// </summary>
    public const int DefaultMaxPoolSize = 30;

    /// <summary>
    /// No automatic preparation. Npgsql (10.0.0 to 10.0.3) marks an automatically prepared statement prepared when
    /// PostgreSQL accepts its Parse; if the same execution's Bind is refused (a parameter PostgreSQL cannot take, such as
    /// a NUL), the statement stays "prepared" without its row description, and the next request to run that SQL on
    /// that pooled connection fails with "Received unexpected backend message DataRow" (issue 21; the reproduction is
    /// tests/Data.Tests/AutoPreparationTests, the closest upstream report npgsql/npgsql#6391). Preparation saved
    /// PostgreSQL's parsing; registration-rush measured what losing it costs (Events README).
    /// </summary>
    public const int DefaultMaxAutoPrepare = 0;

    /// <summary>
    /// The bounded pool, no automatic preparation, and no reset when a connection goes back to the pool (Npgsql would
    /// otherwise send DISCARD ALL on each reuse). Safe because no service changes session state (no SET, temporary
    /// tables or session advisory locks: the periodic jobs' lock takes those on connections of its own); the reset is not what broke connections in issue 21 (the reproduction fails
    /// the same with it). Anything the injected connection string says wins.
    /// </summary>
    internal static string WithPlatformDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Gives(params string[] keys) => keys.Any(given.ContainsKey);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Gives("Maximum Pool Size", "Max Pool Size", "MaxPoolSize")) builder.MaxPoolSize = DefaultMaxPoolSize;
        if (!Gives("Max Auto Prepare", "MaxAutoPrepare")) builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        if (!Gives("No Reset On Close", "NoResetOnClose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }
}
