namespace Platform.Gateway.Accounts;

/// <summary>Staff invite an organisation user or another member of staff; the single-use, expiring token lets them choose a password.</summary>
public sealed class Invitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required byte[] TokenHash { get; init; }
    public required string Email { get; init; }
    /// <summary>Null for a member of staff.</summary>
    public Guid? OrganisationId { get; init; }

    /// <summary>The account's role once accepted: organisation (the default, as before staff could be invited) or staff.</summary>
    public string Role { get; init; } = Platform.ServiceDefaults.Identity.PlatformClaims.Roles.Organisation;
    public Guid InvitedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; set; }
}
