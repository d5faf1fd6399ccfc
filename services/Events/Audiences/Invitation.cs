namespace Platform.Events.Audiences;

/// <summary>
/// A named invitee of an invitation-only event. Their personal link carries a code (only its hash is kept) that
/// registers their own address and no other, once: the one-registration-per-address rule does the rest.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EventId { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public required byte[] CodeHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
