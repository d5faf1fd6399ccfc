namespace Platform.Events.Questions;

/// <summary>
/// A delegate's question for the event's panel, sent through their manage link before or during the event. Staff
/// approve or reject it; the chair reads the approved ones in the order they were approved.
/// </summary>
public sealed class PanelQuestion
{
    /// <summary>A question read aloud: a few sentences, not an essay.</summary>
    public const int MaxLength = 500;

    /// <summary>Questions one delegate may have awaiting or approved at once, so one link cannot flood the moderators.</summary>
    public const int MaxOpenPerDelegate = 5;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EventId { get; init; }
    public Guid RegistrationId { get; init; }
    public required string Text { get; init; }
    public QuestionStatus Status { get; set; } = QuestionStatus.Pending;
    public DateTimeOffset AskedAt { get; init; }

    /// <summary>When staff last decided.</summary>
    public DateTimeOffset? ModeratedAt { get; set; }
    public string? ModeratedBy { get; set; }

    /// <summary>
    /// The chair's order: taken from a database sequence at approval, so it follows the order staff approved in
    /// whatever the clocks say. Cleared on rejection; approved again, the question goes to the end.
    /// </summary>
    public long? ApprovalOrder { get; set; }
}

public enum QuestionStatus { Pending, Approved, Rejected }
