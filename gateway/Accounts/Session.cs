namespace Platform.Gateway.Accounts;

/// <summary>
/// A signed-in user's bearer token (and browser cookie), stored hashed. Opaque and server-side rather than a
/// self-contained JWT so that logout and a password change end it at once.
/// </summary>
public sealed class Session
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public required byte[] TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}
