namespace Platform.Gateway.Accounts;

/// <summary>A partner or voluntary organisation: the owner of organisation users and of partner API keys.</summary>
public sealed class Organisation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
