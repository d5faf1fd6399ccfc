namespace Platform.Gateway.Accounts;

/// <summary>
/// A password-reset link sent to an account's address, stored hashed. It works once, until it expires, and only while
/// it is the account's newest: asking again supersedes the link in the earlier email.
/// </summary>
public sealed class PasswordReset
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public required byte[] TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
}
