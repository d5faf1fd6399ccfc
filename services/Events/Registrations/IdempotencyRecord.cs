namespace Platform.Events.Registrations;

/// <summary>
/// Remembers an Idempotency-Key so a retried POST returns the first registration instead of making a second.
/// The fingerprint detects a key reused for a different request.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string Key { get; init; }
    public required string Fingerprint { get; init; }
    public Guid RegistrationId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
