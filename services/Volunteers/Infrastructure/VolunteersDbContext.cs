using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Messaging;
using Platform.Volunteers.Roles;

namespace Platform.Volunteers.Infrastructure;

public sealed class VolunteersDbContext(DbContextOptions<VolunteersDbContext> options) : DbContext(options)
{
    public DbSet<VolunteerRole> Roles => Set<VolunteerRole>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<VolunteerRole>(e =>
        {
            e.ToTable("volunteer_role");
            e.Property(x => x.Title).HasMaxLength(200);
        });
        modelBuilder.AddOutboxMessageEntity();
        modelBuilder.AddInboxStateEntity();
        modelBuilder.UseSnakeCaseColumnNames();
    }
}

internal sealed class VolunteersDesignTimeDbContextFactory : NpgsqlDesignTimeDbContextFactory<VolunteersDbContext>;
