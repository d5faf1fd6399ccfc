using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Awards.Infrastructure;
using Platform.Awards.Nominating;
using Platform.Awards.Programmes;

namespace Platform.Awards.Categories;

internal sealed class AwardCategoryModel : IEntityTypeConfiguration<AwardCategory>
{
    public void Configure(EntityTypeBuilder<AwardCategory> e)
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
    }
}
