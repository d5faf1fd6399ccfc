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
        // No retrying execution strategy: the outbox and inbox run their own transactions, which such a strategy forbids.
        builder.Services.AddDbContext<TContext>(options => options.UseNpgsql(connectionString));
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(connectionName, tags: ["ready"]);
        return builder;
    }
}
