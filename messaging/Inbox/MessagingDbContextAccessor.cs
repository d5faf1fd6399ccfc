using Microsoft.EntityFrameworkCore;

namespace Platform.Messaging;

/// <summary>
/// Hands the scoped service DbContext to the inbox filter. MassTransit's scoped filters may have only the
/// message type as a generic parameter, so the DbContext type is closed over here at registration.
/// </summary>
internal sealed class MessagingDbContextAccessor(DbContext dbContext)
{
    public DbContext DbContext { get; } = dbContext;
}
