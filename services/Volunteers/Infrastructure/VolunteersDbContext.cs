using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Messaging;
using Platform.Volunteers.Applications;
using Platform.Volunteers.Credentials;
using Platform.Volunteers.Hours;
using Platform.Volunteers.Organisations;
using Platform.Volunteers.Retention;
using Platform.Volunteers.Roles;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Infrastructure;

public sealed class VolunteersDbContext(DbContextOptions<VolunteersDbContext> options) : DbContext(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<VolunteerRole> Roles => Set<VolunteerRole>();
    public DbSet<VolunteerApplication> Applications => Set<VolunteerApplication>();
    public DbSet<StageChange> StageChanges => Set<StageChange>();
    public DbSet<Volunteer> Volunteers => Set<Volunteer>();
    public DbSet<HoursEntry> Hours => Set<HoursEntry>();
    public DbSet<Credential> Credentials => Set<Credential>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<CheckInInvitation> CheckInInvitations => Set<CheckInInvitation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Each feature configures its own entities (its *Model.cs).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(VolunteersDbContext).Assembly);
        modelBuilder.AddOutboxMessageEntity();
        modelBuilder.AddInboxStateEntity();
        modelBuilder.UseSnakeCaseColumnNames();
    }
}

internal sealed class VolunteersDesignTimeDbContextFactory : NpgsqlDesignTimeDbContextFactory<VolunteersDbContext>;
