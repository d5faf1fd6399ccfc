using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Awards.Categories;
using Platform.Awards.Infrastructure;
using Platform.Awards.Nominating;

namespace Platform.Awards.Judging;

/// <summary>A member of a category's judging panel, identified by the internal token's subject (the gateway user id).</summary>
public sealed class PanelJudge
{
    public Guid CategoryId { get; init; }
    public required string Subject { get; init; }
    public required string Name { get; init; }
    public DateTimeOffset AddedAt { get; init; }
}

/// <summary>
/// A judge's declared conflict of interest with a nominee. From then on the nominee is never shown to that judge and
/// any score they gave is not counted.
/// </summary>
public sealed class ConflictDeclaration
{
    public Guid NomineeId { get; init; }
    public required string Subject { get; init; }
    public Guid CategoryId { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset DeclaredAt { get; init; }
}

/// <summary>One judge's scores for one nominee, per rubric criterion (1–5). One per judge and nominee: never rescored.</summary>
public sealed class Scorecard
{
    public Guid NomineeId { get; init; }
    public required string Subject { get; init; }
    public Guid CategoryId { get; init; }
    public Dictionary<string, int> Scores { get; init; } = [];

    /// <summary>The weighted mean of this judge's criterion scores (Σ weight × score / Σ weight), kept for ranking.</summary>
    public decimal WeightedScore { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
}

internal sealed class PanelJudgeModel : IEntityTypeConfiguration<PanelJudge>
{
    public void Configure(EntityTypeBuilder<PanelJudge> e)
    {
        e.ToTable("panel_judge");
        e.HasKey(x => new { x.CategoryId, x.Subject });
        e.Property(x => x.Subject).HasMaxLength(100);
        e.Property(x => x.Name).HasMaxLength(Limits.Name);
        e.HasIndex(x => x.Subject);
        e.HasOne<AwardCategory>().WithMany().HasForeignKey(x => x.CategoryId);
    }
}

internal sealed class ConflictDeclarationModel : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> e)
    {
        e.ToTable("conflict_declaration");
        e.HasKey(x => new { x.NomineeId, x.Subject });
        e.Property(x => x.Subject).HasMaxLength(100);
        e.Property(x => x.Reason).HasMaxLength(Limits.LongText);
        e.HasIndex(x => x.CategoryId);
        e.HasOne<Nominee>().WithMany().HasForeignKey(x => x.NomineeId);
    }
}

internal sealed class ScorecardModel : IEntityTypeConfiguration<Scorecard>
{
    public void Configure(EntityTypeBuilder<Scorecard> e)
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
    }
}
