using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.Events.Reports;

namespace Platform.Events.Feedback;

/// <summary>How one session was rated: how many ratings, their average, and how many of each (1 to 5).</summary>
public sealed record SessionFeedback(Guid SessionId, string Title, DateTimeOffset StartsAt, int Ratings, double? Average, IReadOnlyList<int> ByRating);

public sealed record FeedbackFigures(Guid EventId, int CheckedIn, int Responses, IReadOnlyList<SessionFeedback> Sessions);

/// <summary>Staff's view of the feedback: figures per session, and every response as CSV (sector, ratings, comments; no names).</summary>
public static class FeedbackReport
{
    public static async Task<FeedbackFigures> FiguresAsync(PartnershipEvent e, EventsDbContext db, CancellationToken ct)
    {
        var checkedIn = await db.Registrations.CountAsync(r => r.EventId == e.Id && r.CheckedInAt != null, ct);
        var responses = await db.FeedbackResponses.CountAsync(f => f.EventId == e.Id, ct);
        var counts = await db.SessionRatings
            .Where(r => db.FeedbackResponses.Any(f => f.Id == r.ResponseId && f.EventId == e.Id))
            .GroupBy(r => new { r.SessionId, r.Rating })
            .Select(g => new { g.Key.SessionId, g.Key.Rating, Count = g.Count() })
            .ToListAsync(ct);
        var sessions = e.Sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Title).Select(s =>
        {
            var byRating = Enumerable.Range(FeedbackResponse.MinRating, FeedbackResponse.MaxRating - FeedbackResponse.MinRating + 1)
                .Select(rating => counts.Where(c => c.SessionId == s.Id && c.Rating == rating).Sum(c => c.Count)).ToList();
            var total = byRating.Sum();
            double? average = total == 0 ? null : Math.Round(byRating.Select((n, i) => n * (i + FeedbackResponse.MinRating)).Sum() / (double)total, 2);
            return new SessionFeedback(s.Id, s.Title, s.StartsAt.ToLondon(), total, average, byRating);
        }).ToList();
        return new FeedbackFigures(e.Id, checkedIn, responses, sessions);
    }

    public static async Task<byte[]> CsvAsync(PartnershipEvent e, EventsDbContext db, CancellationToken ct)
    {
        var rows = await db.FeedbackResponses.AsNoTracking().Include(f => f.Ratings).Where(f => f.EventId == e.Id)
            .Join(db.Registrations, f => f.RegistrationId, r => r.Id, (f, r) => new { Response = f, r.Sector })
            .OrderBy(x => x.Response.SubmittedAt).ThenBy(x => x.Response.Id)
            .ToListAsync(ct);
        var sessions = e.Sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Title).ToList();
        var csv = new StringBuilder();
        DelegateCsv.Row(csv, ["submitted_at", "sector", .. sessions.Select(s => s.Title), "comments"]);
        foreach (var row in rows)
        {
            var ratings = row.Response.Ratings.ToDictionary(r => r.SessionId, r => r.Rating);
            DelegateCsv.Row(csv,
            [
                row.Response.SubmittedAt.ToLondon().ToString("yyyy-MM-dd HH:mm"), row.Sector.ToString(),
                .. sessions.Select(s => ratings.TryGetValue(s.Id, out var rating) ? rating.ToString(System.Globalization.CultureInfo.InvariantCulture) : ""),
                row.Response.Comments,
            ]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
