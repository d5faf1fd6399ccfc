using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Events.Infrastructure;

namespace Platform.Events.Speakers;

internal sealed class SpeakerModel : IEntityTypeConfiguration<Speaker>
{
    public void Configure(EntityTypeBuilder<Speaker> e)
    {
        e.ToTable("speaker");
        e.Property(x => x.Name).HasMaxLength(Limits.Name);
        e.Property(x => x.Role).HasMaxLength(Limits.Name);
        e.Property(x => x.Organisation).HasMaxLength(Limits.Name);
        e.Property(x => x.Biography).HasMaxLength(Limits.Biography);
    }
}
