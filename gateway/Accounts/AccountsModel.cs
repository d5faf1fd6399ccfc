using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Gateway.Accounts;

internal sealed class GatewayUserModel : IEntityTypeConfiguration<GatewayUser>
{
    public void Configure(EntityTypeBuilder<GatewayUser> user)
    {
        user.Property(u => u.Role).HasMaxLength(32);
        user.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId);
    }
}

internal sealed class OrganisationModel : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.Property(o => o.Name).HasMaxLength(200);
        organisation.HasIndex(o => o.Name).IsUnique();
    }
}

internal sealed class SessionModel : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> session)
    {
        session.HasIndex(s => s.TokenHash).IsUnique();
        session.HasIndex(s => s.UserId);
    }
}

internal sealed class InvitationModel : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> invitation)
    {
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.Property(i => i.Email).HasMaxLength(256);
        invitation.Property(i => i.Role).HasMaxLength(32);
    }
}

internal sealed class PasswordResetModel : IEntityTypeConfiguration<PasswordReset>
{
    public void Configure(EntityTypeBuilder<PasswordReset> reset)
    {
        reset.HasIndex(r => r.TokenHash).IsUnique();
        reset.HasIndex(r => r.UserId);
        reset.HasOne<GatewayUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LoginThrottleEntryModel : IEntityTypeConfiguration<LoginThrottleEntry>
{
    public void Configure(EntityTypeBuilder<LoginThrottleEntry> entry)
    {
        entry.Property(e => e.Key).HasMaxLength(64);
        entry.HasIndex(e => new { e.Key, e.At });
    }
}
