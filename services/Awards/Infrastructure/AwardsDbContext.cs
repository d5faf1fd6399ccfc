using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Messaging;
using Platform.Awards.Programmes;

namespace Platform.Awards.Infrastructure;

public sealed class AwardsDbContext(DbContextOptions<AwardsDbContext> options) : DbContext(options)
{
    public DbSet<AwardsProgramme> Programmes => Set<AwardsProgramme>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AwardsProgramme>(e =>
        {
            e.ToTable("awards_programme");
            e.Property(x => x.Title).HasMaxLength(200);
            e.HasIndex(x => x.Year).IsUnique();
        });
        modelBuilder.AddOutboxMessageEntity();
        modelBuilder.AddInboxStateEntity();
        modelBuilder.UseSnakeCaseColumnNames();
    }
}

internal sealed class AwardsDesignTimeDbContextFactory : NpgsqlDesignTimeDbContextFactory<AwardsDbContext>;
