using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Notifications.Delivery;

internal sealed class EmailDeliveryModel : IEntityTypeConfiguration<EmailDelivery>
{
    public void Configure(EntityTypeBuilder<EmailDelivery> e)
    {
        e.ToTable("delivery");
        e.Property(d => d.Kind).HasMaxLength(64);
        e.Property(d => d.Recipient).HasMaxLength(254);
        e.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(d => new { d.Kind, d.SourceEventId, d.Recipient }).IsUnique();
    }
}
