using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Roles;

namespace Platform.Volunteers.Applications;

internal sealed class VolunteerApplicationModel : IEntityTypeConfiguration<VolunteerApplication>
{
    public void Configure(EntityTypeBuilder<VolunteerApplication> e)
    {
        e.ToTable("volunteer_application");
        e.Property(x => x.Name).HasMaxLength(Limits.Name);
        e.Property(x => x.Email).HasMaxLength(Limits.Email);
        e.Property(x => x.Phone).HasMaxLength(Limits.Phone);
        e.Property(x => x.Motivation).HasMaxLength(Limits.LongText);
        e.Property(x => x.Experience).HasMaxLength(Limits.LongText);
        e.Property(x => x.District).HasMaxLength(Limits.District);
        e.Property(x => x.AgeBand).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        e.PrimitiveCollection(x => x.Availability).ElementType(t => t.HasConversion<string>());
        e.HasIndex(x => x.ManageTokenHash).IsUnique();
        e.HasIndex(x => new { x.OrganisationId, x.Stage });
        e.HasOne<VolunteerRole>().WithMany().HasForeignKey(x => x.RoleId);
        e.HasMany(x => x.History).WithOne().HasForeignKey(x => x.ApplicationId);
    }
}

internal sealed class StageChangeModel : IEntityTypeConfiguration<StageChange>
{
    public void Configure(EntityTypeBuilder<StageChange> e)
    {
        e.ToTable("stage_change");
        e.Property(x => x.From).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.To).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Reason).HasMaxLength(Limits.Reason);
        e.Property(x => x.ChangedBy).HasMaxLength(Limits.Name);
    }
}
