using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Volunteers.Applications;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Roles;

namespace Platform.Volunteers.Volunteering;

internal sealed class VolunteerModel : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> e)
    {
        e.ToTable("volunteer");
        e.Property(x => x.Name).HasMaxLength(Limits.Name);
        e.Property(x => x.Email).HasMaxLength(Limits.Email);
        e.Property(x => x.Phone).HasMaxLength(Limits.Phone);
        e.Property(x => x.District).HasMaxLength(Limits.District);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ExitReason).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ExitSurvey).HasMaxLength(Limits.LongText);
        e.Property(x => x.ApprovedHours).HasPrecision(9, 2);
        e.PrimitiveCollection(x => x.Availability).ElementType(t => t.HasConversion<string>());
        // One volunteer record per accepted application, however many times "Active" is sent.
        e.HasIndex(x => x.ApplicationId).IsUnique();
        e.HasIndex(x => x.LinkTokenHash).IsUnique();
        e.HasIndex(x => new { x.OrganisationId, x.Status });
        e.HasIndex(x => new { x.Status, x.LastActivityAt });
        e.HasOne<VolunteerRole>().WithMany().HasForeignKey(x => x.RoleId);
        e.HasOne<VolunteerApplication>().WithOne().HasForeignKey<Volunteer>(x => x.ApplicationId);
    }
}
