using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Platform.Awards.Categories;
using Platform.Awards.Ceremonies;
using Platform.Awards.Judging;
using Platform.Awards.Nominating;
using Platform.Awards.Programmes;
using Platform.Awards.Suggestions;
using Platform.Data;
using Platform.Messaging;

namespace Platform.Awards.Infrastructure;

public sealed class AwardsDbContext(DbContextOptions<AwardsDbContext> options) : DbContext(options)
{
    public DbSet<CeremonyEvent> CeremonyEvents => Set<CeremonyEvent>();
    public DbSet<AwardsProgramme> Programmes => Set<AwardsProgramme>();
    public DbSet<AwardCategory> Categories => Set<AwardCategory>();
    public DbSet<Nominee> Nominees => Set<Nominee>();
    public DbSet<Nomination> Nominations => Set<Nomination>();
    public DbSet<PanelJudge> PanelJudges => Set<PanelJudge>();
    public DbSet<ConflictDeclaration> Conflicts => Set<ConflictDeclaration>();
    public DbSet<Scorecard> Scorecards => Set<Scorecard>();
    public DbSet<VolunteerSuggestion> Suggestions => Set<VolunteerSuggestion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CeremonyEvent>(e =>
        {
            e.ToTable("ceremony_event");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Title).HasMaxLength(Limits.Title);
            e.Property(x => x.VenueName).HasMaxLength(Limits.Name);
        });

        modelBuilder.Entity<AwardsProgramme>(e =>
        {
            e.ToTable("awards_programme", t =>
                t.HasCheckConstraint("ck_programme_windows", "nominations_open < nominations_close AND nominations_close <= judging_opens AND judging_opens < judging_closes"));
            e.Property(x => x.Title).HasMaxLength(Limits.Title);
            e.HasIndex(x => x.Year).IsUnique();
            // The sweeper's question: which programmes still hold an embargo.
            e.HasIndex(x => x.AnnouncedAt).HasFilter("announced_at IS NULL");
        });

        modelBuilder.Entity<AwardCategory>(e =>
        {
            e.ToTable("award_category", t => t.HasCheckConstraint("ck_category_word_limit", "citation_word_limit > 0"));
            e.Property(x => x.Name).HasMaxLength(Limits.Name);
            e.Property(x => x.Eligibility).HasMaxLength(Limits.LongText);
            e.Property(x => x.Rubric).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<List<Criterion>>(v, JsonSerializerOptions.Web) ?? new List<Criterion>(),
                new ValueComparer<List<Criterion>>(
                    (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
                    v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web).GetHashCode(StringComparison.Ordinal),
                    v => v.ToList()));
            // Two staff confirming the shortlist at once: only one save wins, so finalists are told once.
            e.Property(x => x.ShortlistConfirmedAt).IsConcurrencyToken();
            e.HasOne<AwardsProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId);
            e.HasOne<Nominee>().WithMany().HasForeignKey(x => x.WinnerNomineeId);
            e.HasIndex(x => new { x.ProgrammeId, x.Name }).IsUnique();
        });

        modelBuilder.Entity<Nominee>(e =>
        {
            e.ToTable("nominee");
            e.Property(x => x.Key).HasMaxLength(Limits.Name * 2 + 1);
            e.Property(x => x.Name).HasMaxLength(Limits.Name);
            e.Property(x => x.Organisation).HasMaxLength(Limits.Name);
            e.Property(x => x.District).HasMaxLength(Limits.Name);
            e.Property(x => x.ContactEmail).HasMaxLength(Limits.Email);
            e.Property(x => x.ContactConfirmedBy).HasMaxLength(100);
            e.HasOne<AwardCategory>().WithMany().HasForeignKey(x => x.CategoryId);
            // Where duplicates meet: one nominee per key in a category, however many nominations race to create it.
            e.HasIndex(x => new { x.CategoryId, x.Key }).IsUnique();
        });

        modelBuilder.Entity<Nomination>(e =>
        {
            e.ToTable("nomination");
            e.Property(x => x.NomineeName).HasMaxLength(Limits.Name);
            e.Property(x => x.NomineeOrganisation).HasMaxLength(Limits.Name);
            e.Property(x => x.NomineeDistrict).HasMaxLength(Limits.Name);
            e.Property(x => x.NomineeContact).HasMaxLength(Limits.Email);
            e.Property(x => x.Citation).HasMaxLength(Limits.Citation);
            e.Property(x => x.NominatorName).HasMaxLength(Limits.Name);
            e.Property(x => x.NominatorEmail).HasMaxLength(Limits.Email);
            e.Property(x => x.NominatorRelationship).HasMaxLength(Limits.ShortText);
            e.Property(x => x.ScreeningReason).HasMaxLength(Limits.LongText);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.ManageTokenHash).IsUnique();
            e.HasIndex(x => new { x.CategoryId, x.Status });
            e.HasIndex(x => x.NomineeId);
            e.HasOne<AwardCategory>().WithMany().HasForeignKey(x => x.CategoryId);
            e.HasOne<Nominee>().WithMany().HasForeignKey(x => x.NomineeId);
            e.Ignore(x => x.IsJudged);
        });

        modelBuilder.Entity<PanelJudge>(e =>
        {
            e.ToTable("panel_judge");
            e.HasKey(x => new { x.CategoryId, x.Subject });
            e.Property(x => x.Subject).HasMaxLength(100);
            e.Property(x => x.Name).HasMaxLength(Limits.Name);
            e.HasIndex(x => x.Subject);
            e.HasOne<AwardCategory>().WithMany().HasForeignKey(x => x.CategoryId);
        });

        modelBuilder.Entity<ConflictDeclaration>(e =>
        {
            e.ToTable("conflict_declaration");
            e.HasKey(x => new { x.NomineeId, x.Subject });
            e.Property(x => x.Subject).HasMaxLength(100);
            e.Property(x => x.Reason).HasMaxLength(Limits.LongText);
            e.HasIndex(x => x.CategoryId);
            e.HasOne<Nominee>().WithMany().HasForeignKey(x => x.NomineeId);
        });

        modelBuilder.Entity<Scorecard>(e =>
        {
            // The key is the "never twice" rule: a second scorecard from the same judge for the same nominee cannot commit.
            e.ToTable("scorecard");
            e.HasKey(x => new { x.NomineeId, x.Subject });
            e.Property(x => x.Subject).HasMaxLength(100);
            e.Property(x => x.WeightedScore).HasPrecision(9, 6);
            e.Property(x => x.Scores).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<Dictionary<string, int>>(v, JsonSerializerOptions.Web) ?? new Dictionary<string, int>(),
                new ValueComparer<Dictionary<string, int>>(
                    (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
                    v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web).GetHashCode(StringComparison.Ordinal),
                    v => v.ToDictionary()));
            e.HasIndex(x => x.CategoryId);
            e.HasOne<Nominee>().WithMany().HasForeignKey(x => x.NomineeId);
        });

        modelBuilder.Entity<VolunteerSuggestion>(e =>
        {
            e.ToTable("volunteer_suggestion");
            e.Property(x => x.OrganisationName).HasMaxLength(Limits.Name);
            e.Property(x => x.VolunteerName).HasMaxLength(Limits.Name);
            e.Property(x => x.Milestone).HasMaxLength(Limits.Name);
            e.Property(x => x.Description).HasMaxLength(Limits.LongText);
            e.Property(x => x.District).HasMaxLength(Limits.Name);
            e.Property(x => x.Category).HasMaxLength(Limits.Name);
            e.HasIndex(x => new { x.VolunteerId, x.Milestone }).IsUnique();
            e.HasIndex(x => x.ReachedAt);
        });

        modelBuilder.AddOutboxMessageEntity();
        modelBuilder.AddInboxStateEntity();
        modelBuilder.UseSnakeCaseColumnNames();
    }
}

internal sealed class AwardsDesignTimeDbContextFactory : NpgsqlDesignTimeDbContextFactory<AwardsDbContext>;
