using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Events.Catalogue;
using Platform.Events.Registrations;

namespace Platform.Events.Certificates;

internal sealed class CertificateModel : IEntityTypeConfiguration<Certificate>
{
    public const string OnePerRegistration = "ux_certificate_registration";

    public void Configure(EntityTypeBuilder<Certificate> e)
    {
        e.ToTable("certificate");
        e.Property(x => x.Code).HasMaxLength(CertificateCode.Length);
        e.HasIndex(x => x.Code).IsUnique();
        e.HasIndex(x => x.RegistrationId).IsUnique().HasDatabaseName(OnePerRegistration);
        e.HasOne<PartnershipEvent>().WithMany().HasForeignKey(x => x.EventId);
        e.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId);
    }
}
