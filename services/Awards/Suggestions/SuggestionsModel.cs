using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Awards.Infrastructure;

namespace Platform.Awards.Suggestions;

internal sealed class VolunteerSuggestionModel : IEntityTypeConfiguration<VolunteerSuggestion>
{
    public void Configure(EntityTypeBuilder<VolunteerSuggestion> e)
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
    }
}
