using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Hours;

internal sealed class HoursEntryModel : IEntityTypeConfiguration<HoursEntry>
{
    public void Configure(EntityTypeBuilder<HoursEntry> e)
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
    }
}
