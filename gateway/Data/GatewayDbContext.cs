using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.Gateway.Accounts;
using Platform.Gateway.ApiKeys;

namespace Platform.Gateway.Data;

/// <summary>
/// The gateway's own database (gatewaydb): user accounts (ASP.NET Core Identity, users only: the role lives on the
/// user as one of the platform's fixed roles), their sessions and invitations, organisations and partner API keys.
/// </summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options)
    : IdentityUserContext<GatewayUser, Guid>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

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

        builder.Entity<GatewayUser>(user =>
        {
            user.Property(u => u.Role).HasMaxLength(32);
            user.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId);
        });
        builder.Entity<Organisation>(organisation =>
        {
            organisation.Property(o => o.Name).HasMaxLength(200);
            organisation.HasIndex(o => o.Name).IsUnique();
        });
        builder.Entity<Session>(session =>
        {
            session.HasIndex(s => s.TokenHash).IsUnique();
            session.HasIndex(s => s.UserId);
        });
        builder.Entity<Invitation>(invitation =>
        {
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.Property(i => i.Email).HasMaxLength(256);
            invitation.Property(i => i.Role).HasMaxLength(32);
        });
        builder.Entity<ApiKey>(key =>
        {
            key.HasIndex(k => k.Prefix).IsUnique();
            key.Property(k => k.Prefix).HasMaxLength(ApiKeySecret.PrefixLength);
            key.Property(k => k.Name).HasMaxLength(200);
            key.Property(k => k.Scopes).HasMaxLength(1000);
            key.HasOne<Organisation>().WithMany().HasForeignKey(k => k.OrganisationId);
        });
    }
}
