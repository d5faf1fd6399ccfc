using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Credentials;

internal sealed class CredentialModel : IEntityTypeConfiguration<Credential>
{
    public void Configure(EntityTypeBuilder<Credential> e)
    {
        e.ToTable("credential");
        e.Property(x => x.Title).HasMaxLength(Limits.Title);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(x => x.ExpiresOn);
        e.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId);
    }
}
