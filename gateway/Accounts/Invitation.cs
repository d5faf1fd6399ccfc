namespace Platform.Gateway.Accounts;

/// <summary>Staff invite an organisation user; the single-use, expiring token lets them choose a password.</summary>
public sealed class Invitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required byte[] TokenHash { get; init; }
    public required string Email { get; init; }
    public Guid OrganisationId { get; init; }
    public Guid InvitedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; set; }
}
