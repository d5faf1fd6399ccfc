using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Organisations;

namespace Platform.Volunteers.Roles;

internal sealed class VolunteerRoleModel : IEntityTypeConfiguration<VolunteerRole>
{
    public void Configure(EntityTypeBuilder<VolunteerRole> e)
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
    }
}
