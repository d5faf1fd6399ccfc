namespace Platform.Notifications.News;

public enum NewsPostStatus
{
    Draft,
    Published,
}

/// <summary>
/// Something subscribers of a topic are told: a post staff wrote, or the awards winners once the embargo lifts.
/// Subscribers on "immediately" get it when published; the rest in their next digest.
/// </summary>
public sealed class NewsPost
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Title { get; set; }

    public required string BodyMarkdown { get; set; }

    /// <summary>Rendered by Markdig with raw HTML disabled, then sanitised to an allowlist (<see cref="NewsMarkdown"/>).</summary>
    public required string BodyHtml { get; set; }

    public required string Topic { get; set; }

    /// <summary>Only for the topics that have districts; null means the whole county.</summary>
    public string? District { get; set; }

    public NewsPostStatus Status { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>Who wrote it: a staff member's subject, or "awards" for an announcement from that service.</summary>
    public required string Author { get; init; }

    /// <summary>The integration event that made it, for posts written by this service (e.g. WinnersAnnounced).</summary>
    public Guid? SourceEventId { get; init; }
}
