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
        modelBuilder.Entity<Organisation>(e =>
        {
            e.ToTable("organisation");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(Limits.Name);
            e.Property(x => x.CharityNumber).HasMaxLength(Limits.CharityNumber);
            e.Property(x => x.ContactName).HasMaxLength(Limits.Name);
            e.Property(x => x.ContactEmail).HasMaxLength(Limits.Email);
            e.Property(x => x.ContactPhone).HasMaxLength(Limits.Phone);
            e.Property(x => x.ApprovedBy).HasMaxLength(Limits.Name);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<VolunteerRole>(e =>
        {
            e.ToTable("volunteer_role", t =>
                // The hard limit lives here, not only in code: no interleaving of requests can over-fill a role.
                t.HasCheckConstraint("ck_role_places", "places > 0 AND places_filled >= 0 AND places_filled <= places"));
            e.Property(x => x.Title).HasMaxLength(Limits.Title);
            e.Property(x => x.Description).HasMaxLength(Limits.LongText);
            e.Property(x => x.District).HasMaxLength(Limits.District);
            e.Property(x => x.Location).HasMaxLength(Limits.ShortText);
            e.Property(x => x.TimeCommitment).HasMaxLength(Limits.ShortText);
            e.Property(x => x.Category).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.BackgroundCheck).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
            e.PrimitiveCollection(x => x.Availability).ElementType(t => t.HasConversion<string>());
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId);
            // Public search: open roles by category and district, soonest closing first.
            e.HasIndex(x => new { x.Status, x.Category, x.District });
            e.HasIndex(x => new { x.OrganisationId, x.Status });
            e.HasIndex(x => x.Skills).HasMethod("gin");
        });

        modelBuilder.Entity<VolunteerApplication>(e =>
        {
            e.ToTable("volunteer_application");
            e.Property(x => x.Name).HasMaxLength(Limits.Name);
            e.Property(x => x.Email).HasMaxLength(Limits.Email);
            e.Property(x => x.Phone).HasMaxLength(Limits.Phone);
            e.Property(x => x.Motivation).HasMaxLength(Limits.LongText);
            e.Property(x => x.Experience).HasMaxLength(Limits.LongText);
            e.Property(x => x.District).HasMaxLength(Limits.District);
            e.Property(x => x.AgeBand).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
            e.PrimitiveCollection(x => x.Availability).ElementType(t => t.HasConversion<string>());
            e.HasIndex(x => x.ManageTokenHash).IsUnique();
            e.HasIndex(x => new { x.OrganisationId, x.Stage });
            e.HasOne<VolunteerRole>().WithMany().HasForeignKey(x => x.RoleId);
            e.HasMany(x => x.History).WithOne().HasForeignKey(x => x.ApplicationId);
        });

        modelBuilder.Entity<StageChange>(e =>
        {
            e.ToTable("stage_change");
            e.Property(x => x.From).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.To).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Reason).HasMaxLength(Limits.Reason);
            e.Property(x => x.ChangedBy).HasMaxLength(Limits.Name);
        });

        modelBuilder.Entity<Volunteer>(e =>
        {
            e.ToTable("volunteer");
            e.Property(x => x.Name).HasMaxLength(Limits.Name);
            e.Property(x => x.Email).HasMaxLength(Limits.Email);
            e.Property(x => x.Phone).HasMaxLength(Limits.Phone);
            e.Property(x => x.District).HasMaxLength(Limits.District);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ExitReason).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ExitSurvey).HasMaxLength(Limits.LongText);
            e.Property(x => x.ApprovedHours).HasPrecision(9, 2);
            e.PrimitiveCollection(x => x.Availability).ElementType(t => t.HasConversion<string>());
            // One volunteer record per accepted application, however many times "Active" is sent.
            e.HasIndex(x => x.ApplicationId).IsUnique();
            e.HasIndex(x => x.LinkTokenHash).IsUnique();
            e.HasIndex(x => new { x.OrganisationId, x.Status });
            e.HasIndex(x => new { x.Status, x.LastActivityAt });
            e.HasOne<VolunteerRole>().WithMany().HasForeignKey(x => x.RoleId);
            e.HasOne<VolunteerApplication>().WithOne().HasForeignKey<Volunteer>(x => x.ApplicationId);
        });

        modelBuilder.Entity<HoursEntry>(e =>
        {
            e.ToTable("hours_entry", t => t.HasCheckConstraint("ck_hours_range", "hours > 0 AND hours <= 24"));
            e.Property(x => x.Hours).HasPrecision(4, 2);
            e.Property(x => x.Activity).HasMaxLength(Limits.ShortText);
            e.Property(x => x.LoggedBy).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
            e.Property(x => x.DecidedBy).HasMaxLength(Limits.Name);
            e.HasIndex(x => new { x.VolunteerId, x.Date });
            e.HasIndex(x => new { x.OrganisationId, x.Status });
            e.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId);
        });

        modelBuilder.Entity<Credential>(e =>
        {
            e.ToTable("credential");
            e.Property(x => x.Title).HasMaxLength(Limits.Title);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.ExpiresOn);
            e.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId);
        });

        modelBuilder.Entity<Milestone>(e =>
        {
            e.ToTable("milestone");
            e.HasKey(x => new { x.VolunteerId, x.Kind });
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId);
        });

        modelBuilder.Entity<CheckIn>(e =>
        {
            e.ToTable("check_in", t => t.HasCheckConstraint("ck_check_in_score", "score BETWEEN 1 AND 5"));
            e.Property(x => x.Comment).HasMaxLength(Limits.LongText);
            e.HasIndex(x => new { x.VolunteerId, x.At });
            e.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId);
        });

        modelBuilder.Entity<CheckInInvitation>(e =>
        {
            e.ToTable("check_in_invitation");
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => new { x.VolunteerId, x.SentAt });
            e.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId);
        });

        modelBuilder.AddOutboxMessageEntity();
        modelBuilder.AddInboxStateEntity();
        modelBuilder.UseSnakeCaseColumnNames();
    }
}

internal sealed class VolunteersDesignTimeDbContextFactory : NpgsqlDesignTimeDbContextFactory<VolunteersDbContext>;
