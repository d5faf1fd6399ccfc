using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Messaging;
using Platform.Events.Catalogue;

namespace Platform.Events.Infrastructure;

public sealed class EventsDbContext(DbContextOptions<EventsDbContext> options) : DbContext(options)
{
    public DbSet<PartnershipEvent> Events => Set<PartnershipEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PartnershipEvent>(e =>
        {
            e.ToTable("partnership_event");
            e.Property(x => x.Title).HasMaxLength(200);
        });
        modelBuilder.AddOutboxMessageEntity();
        modelBuilder.AddInboxStateEntity();
        modelBuilder.UseSnakeCaseColumnNames();
    }
}

internal sealed class EventsDesignTimeDbContextFactory : NpgsqlDesignTimeDbContextFactory<EventsDbContext>;
