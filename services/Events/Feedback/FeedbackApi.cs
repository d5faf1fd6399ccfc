using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Events.Infrastructure;
using Platform.Events.Managing;
using Platform.Events.Registrations;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Problems;

namespace Platform.Events.Feedback;

public sealed record SessionRatingView(Guid SessionId, int Rating);

public sealed record FeedbackView(IReadOnlyList<SessionRatingView> Ratings, string Comments, DateTimeOffset SubmittedAt);

/// <summary>
/// The feedback survey: only delegates checked in at the event answer it, through their manage link; staff read the
/// figures and the CSV.
/// </summary>
public static class FeedbackApi
{
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder routes)
    {
        var delegates = routes.MapGroup("/api/events/registrations/{token}/feedback").WithTags("Feedback")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        delegates.MapPut("/", GiveAsync).WithName("GiveFeedback")
            .WithSummary("Rate the sessions and comment (checked-in delegates only); sending again replaces the answer");
        delegates.MapGet("/", ReadAsync).WithName("GetMyFeedback").WithSummary("The feedback this delegate gave");

        var staff = routes.MapGroup("/api/events/{eventId:guid}").WithTags("Feedback").RequireAuthorization(PlatformPolicies.Staff)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesAuthorizationFailures();
        staff.MapGet("/feedback", FiguresAsync).WithName("GetFeedbackFigures").WithSummary("Responses and each session's ratings: count, average, how many of each");
        staff.MapGet("/feedback.csv", CsvAsync).WithName("GetFeedbackCsv").WithSummary("Every response as CSV (sector, ratings, comments; no names)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        return routes;
    }

    private static async Task<Results<Ok<FeedbackView>, ValidationProblem, ProblemHttpResult>> GiveAsync(
        string token, FeedbackRequest request, ManagedRegistrations registrations, EventsDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await registrations.FindForFollowUpAsync(token, ct) is not { } found) return ManageApi.UnknownLink();
        var (registration, e) = found;
        if (registration.Status != RegistrationStatus.Confirmed || registration.CheckedInAt is null)
            return RuleProblem.Conflict("not-checked-in", "The feedback survey is for delegates who were checked in at the event.");
        var errors = request.Validate(e);
        if (errors.Any) return errors.ToProblem();

        var response = await db.FeedbackResponses.Include(f => f.Ratings).FirstOrDefaultAsync(f => f.RegistrationId == registration.Id, ct);
        if (response is null)
        {
            response = new FeedbackResponse { EventId = e.Id, RegistrationId = registration.Id };
            db.FeedbackResponses.Add(response);
        }
        // Changed in place rather than cleared and added again: EF Core would track a removed rating and its
        // replacement (same session, same key) as two entities.
        var given = (request.Ratings ?? []).ToDictionary(r => r.SessionId!.Value, r => r.Rating!.Value);
        response.Ratings.RemoveAll(r => !given.ContainsKey(r.SessionId));
        foreach (var (sessionId, rating) in given)
        {
            if (response.Ratings.Find(r => r.SessionId == sessionId) is { } kept) kept.Rating = rating;
            else response.Ratings.Add(new SessionRating { ResponseId = response.Id, SessionId = sessionId, Rating = rating });
        }
        response.Comments = request.Comments?.Trim() ?? "";
        response.SubmittedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // The same delegate's first answer sent twice at once (two tabs): one stands; this one can be sent again.
            return RuleProblem.Conflict("feedback-conflict", "Your feedback was being saved from elsewhere at the same moment; send it again.");
        }
        return TypedResults.Ok(response.ToView());
    }

    private static async Task<Results<Ok<FeedbackView>, ProblemHttpResult>> ReadAsync(
        string token, ManagedRegistrations registrations, EventsDbContext db, CancellationToken ct)
    {
        if (await registrations.FindForFollowUpAsync(token, ct) is not { } found) return ManageApi.UnknownLink();
        var response = await db.FeedbackResponses.AsNoTracking().Include(f => f.Ratings).FirstOrDefaultAsync(f => f.RegistrationId == found.Registration.Id, ct);
        return response is null ? RuleProblem.NotFound("Feedback from this registration") : TypedResults.Ok(response.ToView());
    }

    private static async Task<Results<Ok<FeedbackFigures>, ProblemHttpResult>> FiguresAsync(Guid eventId, EventsDbContext db, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == eventId, ct);
        return e is null ? RuleProblem.NotFound($"Event {eventId}") : TypedResults.Ok(await FeedbackReport.FiguresAsync(e, db, ct));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CsvAsync(Guid eventId, EventsDbContext db, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return RuleProblem.NotFound($"Event {eventId}");
        return TypedResults.File(await FeedbackReport.CsvAsync(e, db, ct), "text/csv; charset=utf-8", $"feedback-{eventId}.csv");
    }

    private static FeedbackView ToView(this FeedbackResponse f) => new(
        f.Ratings.OrderBy(r => r.SessionId).Select(r => new SessionRatingView(r.SessionId, r.Rating)).ToList(), f.Comments, f.SubmittedAt.ToLondon());
}
