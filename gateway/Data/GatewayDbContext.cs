using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.Gateway.Accounts;
using Platform.Gateway.ApiKeys;
using Platform.Messaging;

namespace Platform.Gateway.Data;

/// <summary>
/// The gateway's own database (gatewaydb): user accounts (ASP.NET Core Identity, users only: the role lives on the
/// user as one of the platform's fixed roles), their sessions and invitations, organisations, partner API keys, password resets, failed sign-ins (LoginThrottle), and the
/// transactional outbox of the events the gateway publishes (invitation and reset emails, sent by Notifications).
/// </summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options)
    : IdentityUserContext<GatewayUser, Guid>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<PasswordReset> PasswordResets => Set<PasswordReset>();
    public DbSet<LoginThrottleEntry> LoginThrottleEntries => Set<LoginThrottleEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // The gateway's own tests run it on SQLite, which cannot compare DateTimeOffset columns in SQL (housekeeping's
        // deletes do); as ticks it can. PostgreSQL keeps timestamptz.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each feature configures its own entities (its *Model.cs).
        builder.ApplyConfigurationsFromAssembly(typeof(GatewayDbContext).Assembly);
        // The outbox, so an invitation or reset is recorded with its email's event in one transaction (messaging/).
        builder.AddOutboxMessageEntity();
    }
}
