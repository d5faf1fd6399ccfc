using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Awards.Infrastructure;

namespace Platform.Awards.Ceremonies;

internal sealed class CeremonyEventModel : IEntityTypeConfiguration<CeremonyEvent>
{
    public void Configure(EntityTypeBuilder<CeremonyEvent> e)
    {
        e.ToTable("ceremony_event");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Title).HasMaxLength(Limits.Title);
        e.Property(x => x.VenueName).HasMaxLength(Limits.Name);
    }
}
