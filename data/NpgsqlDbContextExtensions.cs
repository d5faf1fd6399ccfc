using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        connectionString = WithBoundedPool(connectionString);
        // No retrying execution strategy: the outbox and inbox run their own transactions, which such a strategy forbids.
        builder.Services.AddDbContext<TContext>(options => options.UseNpgsql(connectionString));
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(connectionName, tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// The services share one PostgreSQL server. Npgsql's default pool (100) would let one busy service take every
    /// connection the server has, and the others' requests fail; a bounded pool makes a burst queue for a
    /// connection instead. A pool size in the injected connection string wins.
    /// </summary>
    public const int DefaultMaxPoolSize = 30;

    internal static string WithBoundedPool(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (new[] { "Maximum Pool Size", "Max Pool Size", "MaxPoolSize" }.Any(given.ContainsKey)) return connectionString;
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = DefaultMaxPoolSize }.ConnectionString;
    }
}
