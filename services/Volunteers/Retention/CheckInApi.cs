using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Secrets;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Retention;

public sealed record CheckInQuestion(string Name, string RoleTitle, string OrganisationName, string Question, DateTimeOffset ExpiresAt, bool Answered);

/// <summary>The periodic check-in's own link: see the question, answer it once.</summary>
public static class CheckInApi
{
    public const string Question = "How satisfied are you volunteering with us? 1 (unhappy) to 5 (very happy), and anything you'd like to tell us.";

    public static IEndpointRouteBuilder MapCheckInApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/volunteers/check-ins/{token}").WithTags("Volunteer link");
        group.MapGet("/", GetAsync).WithName("GetCheckIn").WithSummary("The check-in question behind a check-in link").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", AnswerAsync).WithName("AnswerCheckIn").WithSummary("Answer the check-in (once)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<CheckInInvitation?> FindAsync(VolunteersDbContext db, string token, TimeProvider time, CancellationToken ct)
    {
        if (!BearerSecret.LooksValid(token)) return null;
        var hash = BearerSecret.Hash(token);
        var now = time.GetUtcNow();
        return await db.CheckInInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash && i.ExpiresAt > now, ct);
    }

    private static async Task<Results<Ok<CheckInQuestion>, ProblemHttpResult>> GetAsync(string token, VolunteersDbContext db, TimeProvider time, CancellationToken ct)
    {
        var invitation = await FindAsync(db, token, time, ct);
        if (invitation is null) return RuleProblem.NotFound("The check-in");
        var about = await (from v in db.Volunteers
                           join r in db.Roles on v.RoleId equals r.Id
                           join o in db.Organisations on v.OrganisationId equals o.Id
                           where v.Id == invitation.VolunteerId
                           select new { v.Name, r.Title, OrganisationName = o.Name }).FirstAsync(ct);
        return TypedResults.Ok(new CheckInQuestion(about.Name, about.Title, about.OrganisationName, Question, invitation.ExpiresAt, invitation.AnsweredAt is not null));
    }

    private static async Task<Results<Created<CheckInView>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        string token, CheckInRequest request, VolunteersDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any) return errors.ToProblem();
        var invitation = await FindAsync(db, token, time, ct);
        if (invitation is null) return RuleProblem.NotFound("The check-in");
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The conditional update is the claim: a double-submitted form records one answer.
        var claimed = await db.CheckInInvitations.Where(i => i.Id == invitation.Id && i.AnsweredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AnsweredAt, now), ct);
        if (claimed == 0) return RuleProblem.Conflict("check-in-answered", "This check-in has already been answered. Thank you!");
        var v = await db.Volunteers.FirstAsync(x => x.Id == invitation.VolunteerId, ct);
        if (v.Status == VolunteerStatus.Left) return RuleProblem.Conflict("volunteer-left", "You have left this organisation.");
        var checkIn = request.Record(db, v, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/volunteers/check-ins/{token}", CheckInView.Of(checkIn));
    }
}
