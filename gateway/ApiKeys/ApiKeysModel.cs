using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Gateway.Accounts;

namespace Platform.Gateway.ApiKeys;

internal sealed class ApiKeyModel : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.HasIndex(k => k.Prefix).IsUnique();
        key.Property(k => k.Prefix).HasMaxLength(ApiKeySecret.PrefixLength);
        key.Property(k => k.Name).HasMaxLength(200);
        key.Property(k => k.Scopes).HasMaxLength(1000);
        key.Property(k => k.Kind).HasConversion<string>().HasMaxLength(20);
        key.HasOne<Organisation>().WithMany().HasForeignKey(k => k.OrganisationId);
    }
}
