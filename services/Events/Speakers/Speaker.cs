namespace Platform.Events.Speakers;

/// <summary>
/// Someone speaking at an event, and the sessions they speak at. Shown on the public programme only with their
/// consent to publish; organisers see every speaker.
/// </summary>
public sealed class Speaker
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EventId { get; init; }
    public required string Name { get; set; }
    public string Role { get; set; } = "";
    public string Organisation { get; set; } = "";
    public string Biography { get; set; } = "";
    public bool ConsentToPublish { get; set; }
    public List<Guid> SessionIds { get; set; } = [];
}
