using Platform.Data;

namespace Platform.Notifications.Infrastructure;

internal sealed class NotificationsDesignTimeDbContextFactory : NpgsqlDesignTimeDbContextFactory<NotificationsDbContext>;
