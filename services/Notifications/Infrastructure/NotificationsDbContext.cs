using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Notifications.Delivery;
using Platform.Notifications.Digests;
using Platform.Notifications.News;
using Platform.Notifications.Reports;
using Platform.Notifications.Subscriptions;
using Platform.Notifications.Webhooks;

namespace Platform.Notifications.Infrastructure;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();

    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<EmailDelivery> Deliveries => Set<EmailDelivery>();

    public DbSet<Suppression> Suppressions => Set<Suppression>();

    public DbSet<NewsPost> NewsPosts => Set<NewsPost>();

    public DbSet<DigestRun> DigestRuns => Set<DigestRun>();

    public DbSet<DailyCount> DailyCounts => Set<DailyCount>();

    public DbSet<LinkTokenKey> LinkTokenKeys => Set<LinkTokenKey>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly);
        modelBuilder.AddOutboxMessageEntity();
        modelBuilder.AddInboxStateEntity();
        modelBuilder.UseSnakeCaseColumnNames();
    }
}
