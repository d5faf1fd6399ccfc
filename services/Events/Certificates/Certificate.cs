namespace Platform.Events.Certificates;

/// <summary>
/// A certificate of attendance at a training day, issued to a delegate checked in at it. Its code is printed on the
/// certificate; anyone (an employer, a professional body) checks it at the public verification address.
/// </summary>
public sealed class Certificate
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Code { get; init; }
    public Guid EventId { get; init; }
    public Guid RegistrationId { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
}
