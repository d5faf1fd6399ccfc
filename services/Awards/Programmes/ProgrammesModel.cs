using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Awards.Infrastructure;

namespace Platform.Awards.Programmes;

internal sealed class AwardsProgrammeModel : IEntityTypeConfiguration<AwardsProgramme>
{
    public void Configure(EntityTypeBuilder<AwardsProgramme> e)
    {
        e.ToTable("awards_programme", t =>
            t.HasCheckConstraint("ck_programme_windows", "nominations_open < nominations_close AND nominations_close <= judging_opens AND judging_opens < judging_closes"));
        e.Property(x => x.Title).HasMaxLength(Limits.Title);
        e.HasIndex(x => x.Year).IsUnique();
        // The sweeper's question: which programmes still hold an embargo.
        e.HasIndex(x => x.AnnouncedAt).HasFilter("announced_at IS NULL");
    }
}
