using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Data;

/// <summary>
/// Lets `dotnet ef migrations add` build a service's model without starting the service (which needs a broker and
/// a database). Migrations need the provider, never a live connection. Derive once per DbContext.
/// </summary>
public abstract class NpgsqlDesignTimeDbContextFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext),
            new DbContextOptionsBuilder<TContext>().UseNpgsql("Host=localhost;Database=design-time").Options)!;
}
