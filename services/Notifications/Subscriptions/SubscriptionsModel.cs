using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Notifications.Subscriptions;

internal sealed class SubscriberModel : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> e)
    {
        e.ToTable("subscriber");
        e.Property(s => s.Email).HasMaxLength(254);
        e.Property(s => s.NormalizedEmail).HasMaxLength(254);
        e.HasIndex(s => s.NormalizedEmail).IsUnique();
        e.HasOne(s => s.Subscription).WithOne().HasForeignKey<Subscription>(s => s.SubscriberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubscriptionModel : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> e)
    {
        e.ToTable("subscription");
        e.Property(s => s.Frequency).HasMaxLength(32);
        e.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(s => s.ConfirmationTokenHash).HasMaxLength(32);
        e.Property(s => s.LastIdempotencyKey).HasMaxLength(100);
        e.HasIndex(s => s.SubscriberId).IsUnique();
        e.HasIndex(s => s.ConfirmationTokenHash).IsUnique();
    }
}
