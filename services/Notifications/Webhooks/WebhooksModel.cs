using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Notifications.Webhooks;

internal sealed class WebhookEndpointModel : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> e)
    {
        e.ToTable("webhook_endpoint");
        e.Property(x => x.Url).HasMaxLength(WebhookLimits.UrlLength);
        e.Property(x => x.Description).HasMaxLength(WebhookLimits.DescriptionLength);
        e.Property(x => x.EventTypes).HasMaxLength(1000);
        e.Property(x => x.Secret).HasMaxLength(100);
        e.HasIndex(x => x.OrganisationId);
    }
}

internal sealed class WebhookDeliveryModel : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> d)
    {
        d.ToTable("webhook_delivery");
        d.Property(x => x.MessageId).HasMaxLength(64);
        d.Property(x => x.EventType).HasMaxLength(64);
        d.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        d.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(x => x.EndpointId);
        d.HasIndex(x => new { x.EndpointId, x.SourceEventId }).IsUnique();
        // The dispatcher's query: pending messages by when they are due.
        d.HasIndex(x => x.NextAttemptAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_webhook_delivery_due");
        d.HasMany(x => x.History).WithOne().HasForeignKey(a => a.DeliveryId);
    }
}

internal sealed class WebhookAttemptModel : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> a)
    {
        a.ToTable("webhook_attempt");
        a.Property(x => x.Error).HasMaxLength(500);
    }
}
