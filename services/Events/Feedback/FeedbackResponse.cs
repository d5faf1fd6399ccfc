namespace Platform.Events.Feedback;

/// <summary>
/// A checked-in delegate's feedback on the event: a rating of each session they rate and free text. One per
/// registration; sending it again replaces it.
/// </summary>
public sealed class FeedbackResponse
{
    public const int MinRating = 1;
    public const int MaxRating = 5;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EventId { get; init; }
    public Guid RegistrationId { get; init; }
    public string Comments { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public List<SessionRating> Ratings { get; init; } = [];
}

public sealed class SessionRating
{
    public Guid ResponseId { get; init; }
    public Guid SessionId { get; init; }
    public int Rating { get; set; }
}
