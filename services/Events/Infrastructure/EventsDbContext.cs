using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Platform.Data;
using Platform.Events.Catalogue;
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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PartnershipEvent>(e =>
        {
            e.ToTable("partnership_event", t =>
            {
                // The hard limit lives here, not only in code: no interleaving of requests can commit an over-booking.
                t.HasCheckConstraint("ck_event_places", "places_taken >= 0 AND places_taken <= capacity");
                t.HasCheckConstraint("ck_event_choice_rules", "min_workshops >= 0 AND max_workshops >= min_workshops");
            });
            e.Property(x => x.Title).HasMaxLength(Limits.Title);
            e.Property(x => x.Summary).HasMaxLength(Limits.LongText);
            e.Property(x => x.Organiser).HasMaxLength(Limits.Name);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
            e.ComplexProperty(x => x.Venue, v =>
            {
                v.Property(x => x.Name).HasMaxLength(Limits.Name).HasColumnName("venue_name");
                v.Property(x => x.Address).HasMaxLength(Limits.Address).HasColumnName("venue_address");
                v.Property(x => x.Postcode).HasMaxLength(Limits.Postcode).HasColumnName("venue_postcode");
                v.Property(x => x.District).HasMaxLength(Limits.Name).HasColumnName("venue_district");
            });
            e.HasMany(x => x.Sessions).WithOne().HasForeignKey(x => x.EventId);
            e.HasIndex(x => new { x.Status, x.StartsAt });
        });

        modelBuilder.Entity<Session>(e =>
        {
            e.ToTable("session", t =>
                t.HasCheckConstraint("ck_session_places", "places_taken >= 0 AND (capacity IS NULL OR places_taken <= capacity)"));
            e.Property(x => x.Title).HasMaxLength(Limits.Title);
            e.Property(x => x.Description).HasMaxLength(Limits.LongText);
            e.Property(x => x.Room).HasMaxLength(Limits.Name);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            // A jsonb value rather than an owned JSON type: the shared snake-case convention would rename its JSON properties.
            e.Property(x => x.Facilitators)
                .HasColumnType("jsonb")
                .HasConversion(
                    v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                    v => JsonSerializer.Deserialize<List<Facilitator>>(v, JsonSerializerOptions.Web) ?? new List<Facilitator>(),
                    new ValueComparer<List<Facilitator>>(
                        (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
                        v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web).GetHashCode(StringComparison.Ordinal),
                        v => v.Select(f => new Facilitator { Name = f.Name, Organisation = f.Organisation }).ToList()));
            e.Ignore(x => x.IsChoosable);
        });

        modelBuilder.Entity<Registration>(e =>
        {
            e.ToTable("registration");
            e.Property(x => x.Name).HasMaxLength(Limits.Name);
            e.Property(x => x.Email).HasMaxLength(Limits.Email);
            e.Property(x => x.Organisation).HasMaxLength(Limits.Name);
            e.Property(x => x.Role).HasMaxLength(Limits.Name);
            e.Property(x => x.AccessibilityNeeds).HasMaxLength(Limits.LongText);
            e.Property(x => x.DietaryNeeds).HasMaxLength(Limits.LongText);
            e.Property(x => x.Sector).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.CheckInCode).HasMaxLength(16);
            e.Property(x => x.CancelledBy).HasMaxLength(100);
            e.Property(x => x.CancellationReason).HasMaxLength(Limits.LongText);
            e.HasIndex(x => x.ManageTokenHash).IsUnique();
            // The sweep's read: holds still waiting for their address to be confirmed, soonest to lapse first.
            e.HasIndex(x => x.HoldExpiresAt).HasFilter("email_confirmed_at IS NULL AND status = 'Confirmed'");
            e.HasIndex(x => x.OfferLinkHash).IsUnique();
            e.HasIndex(x => new { x.EventId, x.CheckInCode }).IsUnique();
            // Also unique: (event_id, lower(email)) over Confirmed registrations, an expression index EF cannot model
            // (migration OneActiveRegistrationPerEmail, Registrations/OneActiveRegistration).
            e.HasOne<PartnershipEvent>().WithMany().HasForeignKey(x => x.EventId);
            e.HasMany(x => x.Choices).WithOne().HasForeignKey(x => x.RegistrationId);
        });

        modelBuilder.Entity<WorkshopChoice>(e =>
        {
            e.ToTable("workshop_choice");
            // A concurrency token: the promoter and the delegate may act on the same choice at once; only one wins.
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
            e.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId);
            // The waitlist is read in this order; the index makes "first waiting delegate" one seek.
            e.HasIndex(x => new { x.SessionId, x.Status, x.QueuedAt, x.Id });
            e.Ignore(x => x.HoldsPlace);
            e.Ignore(x => x.IsActive);
        });

        modelBuilder.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_record");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(Limits.IdempotencyKey);
            e.Property(x => x.Fingerprint).HasMaxLength(64);
        });

        modelBuilder.Entity<SessionAttendance>(e =>
        {
            e.ToTable("session_attendance");
            e.HasKey(x => new { x.SessionId, x.RegistrationId });
        });

        modelBuilder.AddOutboxMessageEntity();
        modelBuilder.AddInboxStateEntity();
        modelBuilder.UseSnakeCaseColumnNames();
    }
}

internal sealed class EventsDesignTimeDbContextFactory : NpgsqlDesignTimeDbContextFactory<EventsDbContext>;
