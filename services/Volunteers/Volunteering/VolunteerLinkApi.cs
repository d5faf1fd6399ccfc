using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Secrets;
using Platform.Volunteers.Hours;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Matching;
using Platform.Volunteers.Retention;

namespace Platform.Volunteers.Volunteering;

/// <summary>
/// What a volunteer does through their own link (sent when they became Active, renewed with each check-in invitation,
/// expiring VolunteerLinkLifetime after it was sent): log hours, check in, find other roles. After leaving, the link
/// shows only that they have left.
/// </summary>
public static class VolunteerLinkApi
{
    public const string VolunteerActor = "volunteer";

    public static IEndpointRouteBuilder MapVolunteerLinkApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/volunteers/volunteering/{token}").WithTags("Volunteer link");
        group.MapGet("/", GetAsync).WithName("GetOwnVolunteerRecord").WithSummary("The volunteer's own record").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/hours", LogHoursAsync).WithName("LogOwnHours").WithSummary("Log hours (the organisation approves them)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/hours", ListHoursAsync).WithName("ListOwnHours").WithSummary("The volunteer's own logged hours, newest first, with each entry's approval");
        group.MapPost("/pause", PauseAsync).WithName("PauseOwnVolunteering").WithSummary("Take a break until a return date")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/check-ins", CheckInAsync).WithName("AnswerSatisfactionCheckIn").WithSummary("Answer the satisfaction check-in (1 to 5, with a comment)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/leave", LeaveAsync).WithName("LeaveVolunteering").WithSummary("Tell the organisation you are leaving, with the reason and an optional exit survey")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/matches", MatchesAsync).WithName("MatchRolesForVolunteer").WithSummary("Other open roles that fit the volunteer, best first").ProducesProblem(StatusCodes.Status404NotFound);

        // Not under {token}: the one thing a volunteer without a working link can do.
        routes.MapPost("/api/volunteers/volunteering/link-requests", RequestFreshLinkAsync).WithTags("Volunteer link").WithName("RequestFreshVolunteerLink")
            .WithSummary("Email a fresh volunteer link to this address if it is an active or paused volunteer's (always 202: the answer says nothing about the address)")
            .Produces(StatusCodes.Status202Accepted).ProducesValidationProblem();
        return routes;
    }

    /// <summary>The same 202 for every well-formed address, known or not, so the form finds out nobody's volunteering.</summary>
    private static async Task<Results<Accepted, ValidationProblem>> RequestFreshLinkAsync(
        FreshLinkRequest request, FreshVolunteerLinks links, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        Text.Email(errors, "email", request.Email);
        if (errors.Any) return errors.ToProblem();
        await links.SendAsync(request.Email!, ct);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>The volunteer the link belongs to, unless it has expired or been replaced by a fresher one (answered as unknown).</summary>
    private static async Task<Volunteer?> FindAsync(VolunteersDbContext db, string token, TimeProvider time, CancellationToken ct)
    {
        if (!BearerSecret.LooksValid(token)) return null;
        var hash = BearerSecret.Hash(token);
        var now = time.GetUtcNow();
        return await db.Volunteers.FirstOrDefaultAsync(v => v.LinkTokenHash == hash && v.LinkExpiresAt > now, ct);
    }

    /// <summary>Once the volunteer has left, the link shows only that (<see cref="VolunteerView.AfterLeaving"/>), not their record.</summary>
    private static async Task<Results<Ok<VolunteerView>, ProblemHttpResult>> GetAsync(string token, VolunteersDbContext db, TimeProvider time, CancellationToken ct) =>
        await FindAsync(db, token, time, ct) is not { } v ? RuleProblem.NotFound("The volunteer")
        : v.Status == VolunteerStatus.Left ? TypedResults.Ok(await db.AfterLeavingViewAsync(v, ct))
        : TypedResults.Ok(await db.ViewAsync(v, ct));

    private static ProblemHttpResult Left() => RuleProblem.Conflict("volunteer-left", "You have left this organisation.");

    private static async Task<Results<Created<HoursView>, ValidationProblem, ProblemHttpResult>> LogHoursAsync(
        string token, HoursRequest request, VolunteersDbContext db, HoursLog log, TimeProvider time, CancellationToken ct)
    {
        var v = await FindAsync(db, token, time, ct);
        if (v is null) return RuleProblem.NotFound("The volunteer");
        if (v.Status == VolunteerStatus.Left) return Left();
        return OrganisationVolunteersApi.Logged(await log.LogAsync(v.Id, null, request, HoursLoggedBy.Volunteer, VolunteerActor, ct));
    }

    private static async Task<Results<Ok<Paged<HoursView>>, ProblemHttpResult>> ListHoursAsync(
        string token, VolunteersDbContext db, PageRequest paging, TimeProvider time, CancellationToken ct)
    {
        var v = await FindAsync(db, token, time, ct);
        if (v is null) return RuleProblem.NotFound("The volunteer");
        if (v.Status == VolunteerStatus.Left) return Left();
        var page = await db.Hours.AsNoTracking().Where(h => h.VolunteerId == v.Id)
            .OrderByDescending(h => h.Date).ThenByDescending(h => h.Id).ToPagedAsync(paging, ct);
        return TypedResults.Ok(page.Select(HoursView.Of));
    }

    private static async Task<Results<Ok<VolunteerView>, ValidationProblem, ProblemHttpResult>> PauseAsync(
        string token, PauseRequest request, VolunteersDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (request.Validate(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)) is { Any: true } errors) return errors.ToProblem();
        var v = await FindAsync(db, token, time, ct);
        if (v is null) return RuleProblem.NotFound("The volunteer");
        if (!request.ApplyTo(v)) return RuleProblem.Conflict("volunteer-left", "You have left this organisation.");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await db.ViewAsync(v, ct));
    }

    private static async Task<Results<Created<CheckInView>, ValidationProblem, ProblemHttpResult>> CheckInAsync(
        string token, CheckInRequest request, VolunteersDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any) return errors.ToProblem();
        var v = await FindAsync(db, token, time, ct);
        if (v is null) return RuleProblem.NotFound("The volunteer");
        if (v.Status == VolunteerStatus.Left) return RuleProblem.Conflict("volunteer-left", "You have left this organisation.");
        var checkIn = request.Record(db, v, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/volunteers/volunteering/{token}", CheckInView.Of(checkIn));
    }

    private static async Task<Results<Ok<VolunteerView>, ValidationProblem, ProblemHttpResult>> LeaveAsync(
        string token, LeaveRequest request, VolunteersDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any) return errors.ToProblem();
        var v = await FindAsync(db, token, time, ct);
        if (v is null) return RuleProblem.NotFound("The volunteer");
        if (!request.ApplyTo(v, time.GetUtcNow())) return RuleProblem.Conflict("volunteer-left", "You have already left this organisation.");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await db.AfterLeavingViewAsync(v, ct));
    }

    private static async Task<Results<Ok<List<RoleMatch>>, ProblemHttpResult>> MatchesAsync(
        string token, VolunteersDbContext db, RoleMatcher matcher, TimeProvider time, CancellationToken ct)
    {
        var v = await FindAsync(db, token, time, ct);
        if (v is null) return RuleProblem.NotFound("The volunteer");
        if (v.Status == VolunteerStatus.Left) return Left();
        return TypedResults.Ok(await matcher.MatchAsync(new MatchProfile(v.Skills, v.District, v.Availability, null, v.RoleId), ct));
    }
}
