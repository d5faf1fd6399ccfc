namespace Platform.Web.Events;

/// <summary>
/// The feedback form's answers and Events' survey: which sessions a delegate is asked to rate, and the ratings the form
/// posted (one radio group per session, <c>Ratings[sessionId]</c>) as the request Events takes.
/// </summary>
public static class FeedbackAnswers
{
    public const int MinRating = 1;
    public const int MaxRating = 5;

    /// <summary>The same length Events takes for the comments.</summary>
    public const int MaxComments = 2000;

    /// <summary>Every session of the programme but the breaks, in the order of the day.</summary>
    public static IReadOnlyList<Session> Rateable(EventDetail e) =>
        e.Programme.Where(s => s.Kind != SessionKind.Break).OrderBy(s => s.StartsAt).ThenBy(s => s.Title, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The ratings of the event's rateable sessions, in the programme's order; a session left unrated, or a value that
    /// is no rating (a hand-made post), is left out rather than refused, since every rating is optional.
    /// </summary>
    public static FeedbackRequest ToRequest(IReadOnlyDictionary<Guid, int> ratings, string? comments, IEnumerable<Session> rateable) =>
        new(rateable
                .Where(s => ratings.TryGetValue(s.Id, out var r) && r is >= MinRating and <= MaxRating)
                .Select(s => new SessionRating(s.Id, ratings[s.Id]))
                .ToList(),
            comments?.Trim() ?? "");
}
