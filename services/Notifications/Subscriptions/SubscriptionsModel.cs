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
        e.Property(s => s.EndReason).HasMaxLength(300);
        e.HasIndex(s => s.SubscriberId).IsUnique();
        e.HasIndex(s => s.ConfirmationTokenHash).IsUnique();
        e.HasIndex(s => new { s.Status, s.Frequency });
    }
}

/// <summary>An address that must never be mailed again (a permanent bounce), kept only as a fingerprint.</summary>
public sealed class Suppression
{
    public required string Fingerprint { get; init; }

    public required string Reason { get; init; }

    public DateTime CreatedAt { get; init; }
}

internal sealed class SuppressionModel : IEntityTypeConfiguration<Suppression>
{
    public void Configure(EntityTypeBuilder<Suppression> e)
    {
        e.ToTable("suppression");
        e.HasKey(s => s.Fingerprint);
        e.Property(s => s.Fingerprint).HasMaxLength(80);
        e.Property(s => s.Reason).HasMaxLength(300);
    }
}

internal sealed class LinkTokenKeyModel : IEntityTypeConfiguration<LinkTokenKey>
{
    public void Configure(EntityTypeBuilder<LinkTokenKey> e)
    {
        e.ToTable("link_token_key");
        e.Property(k => k.Id).ValueGeneratedNever();
    }
}
