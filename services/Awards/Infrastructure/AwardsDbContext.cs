using Microsoft.EntityFrameworkCore;
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
        // Each feature configures its own entities (its *Model.cs).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AwardsDbContext).Assembly);
        modelBuilder.AddOutboxMessageEntity();
        modelBuilder.AddInboxStateEntity();
        modelBuilder.UseSnakeCaseColumnNames();
    }
}

internal sealed class AwardsDesignTimeDbContextFactory : NpgsqlDesignTimeDbContextFactory<AwardsDbContext>;
