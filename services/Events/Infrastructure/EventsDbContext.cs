using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Events.Catalogue;
using Platform.Events.ChangeNotices;
using Platform.Events.CheckIn;
using Platform.Events.Registrations;
using Platform.Messaging;

namespace Platform.Events.Infrastructure;

public sealed class EventsDbContext(DbContextOptions<EventsDbContext> options) : DbContext(options)
{
    public DbSet<PartnershipEvent> Events => Set<PartnershipEvent>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<WorkshopChoice> Choices => Set<WorkshopChoice>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<SessionAttendance> Attendances => Set<SessionAttendance>();
    public DbSet<ChangeNotice> ChangeNotices => Set<ChangeNotice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Each feature configures its own entities (its *Model.cs).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EventsDbContext).Assembly);
        modelBuilder.AddOutboxMessageEntity();
        modelBuilder.AddInboxStateEntity();
        modelBuilder.UseSnakeCaseColumnNames();
    }
}

internal sealed class EventsDesignTimeDbContextFactory : NpgsqlDesignTimeDbContextFactory<EventsDbContext>;
