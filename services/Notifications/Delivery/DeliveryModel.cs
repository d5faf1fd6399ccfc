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
        e.Property(d => d.Address).HasMaxLength(254);
        e.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(d => d.Priority).HasConversion<int>();
        e.Property(d => d.FailureReason).HasMaxLength(500);
        e.Property(d => d.Subject).HasMaxLength(500);
        e.HasIndex(d => new { d.Kind, d.SourceEventId, d.Recipient }).IsUnique();
        // The sender's claim query: only rows still to send, in priority then arrival order.
        e.HasIndex(d => new { d.Priority, d.Id }).HasFilter("status IN ('Queued', 'Sending')").HasDatabaseName("ix_delivery_outgoing");
        e.HasIndex(d => d.SentAt);
        e.HasIndex(d => d.SubscriberId);
    }
}
