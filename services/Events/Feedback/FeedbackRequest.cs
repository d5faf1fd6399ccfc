using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Text;

namespace Platform.Events.Feedback;

public sealed record SessionRatingRequest(Guid? SessionId, int? Rating);

/// <summary>A delegate's feedback: ratings of any of the event's sessions (1 to 5), free text, or both.</summary>
public sealed record FeedbackRequest(IReadOnlyList<SessionRatingRequest>? Ratings, [MultiLineText] string? Comments)
{
    public ValidationErrors Validate(PartnershipEvent e)
    {
        var errors = new ValidationErrors();
        var ratings = Ratings ?? [];
        var sessions = e.Sessions.Select(s => s.Id).ToHashSet();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < ratings.Count; i++)
        {
            var r = ratings[i];
            if (r is null) { errors.Add($"ratings[{i}]", "A rating is required."); continue; }
            if (r.SessionId is not { } id || !sessions.Contains(id))
                errors.Add($"ratings[{i}].sessionId", "Name a session of this event's programme.");
            else if (!seen.Add(id))
                errors.Add($"ratings[{i}].sessionId", "Each session is rated once.");
            errors.AddIf(r.Rating is not (>= FeedbackResponse.MinRating and <= FeedbackResponse.MaxRating), $"ratings[{i}].rating",
                $"A rating is {FeedbackResponse.MinRating} to {FeedbackResponse.MaxRating}.");
        }
        Text.Optional(errors, "comments", Comments, Limits.LongText);
        errors.AddIf(ratings.Count == 0 && string.IsNullOrWhiteSpace(Comments), "ratings", "Rate at least one session or write a comment.");
        return errors;
    }
}
