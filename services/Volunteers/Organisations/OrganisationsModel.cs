using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Volunteers.Infrastructure;

namespace Platform.Volunteers.Organisations;

internal sealed class OrganisationModel : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.ToTable("organisation");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Name).HasMaxLength(Limits.Name);
        e.Property(x => x.CharityNumber).HasMaxLength(Limits.CharityNumber);
        e.Property(x => x.ContactName).HasMaxLength(Limits.Name);
        e.Property(x => x.ContactEmail).HasMaxLength(Limits.Email);
        e.Property(x => x.ContactPhone).HasMaxLength(Limits.Phone);
        e.Property(x => x.ApprovedBy).HasMaxLength(Limits.Name);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
    }
}
