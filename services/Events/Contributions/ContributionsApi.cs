using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;

namespace Platform.Events.Contributions;

/// <summary>
/// Calls for lightning talks and exhibition stands: staff open a call with a closing date, partners submit, staff
/// accept (running order and slot, or a stand) or decline, and the public reads the accepted ones as the line-up.
/// </summary>
public static class ContributionsApi
{
    public static IEndpointRouteBuilder MapContributionsApi(this IEndpointRouteBuilder routes)
    {
        var events = routes.MapGroup("/api/events/{eventId:guid}").WithTags("Pitches and stands")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        events.MapGet("/calls", CallsAsync).WithName("ListContributionCalls")
            .WithSummary("The event's calls for lightning talks and stands, with their closing dates (public)");
        events.MapGet("/line-up", LineUpAsync).WithName("GetLineUp")
            .WithSummary("Accepted lightning talks in running order and the stands, with each organisation's name (public)");
        events.MapPost("/contributions", SubmitAsync).WithName("SubmitContribution")
            .WithSummary("A partner organisation offers a lightning talk or a stand, before the call closes (one of each per organisation)")
            .RequireAuthorization(PartnerPolicy.Name).ProducesAuthorizationFailures();

        var staff = events.MapGroup("").RequireAuthorization(PlatformPolicies.Staff).ProducesAuthorizationFailures();
        staff.MapPut("/calls", OpenCallAsync).WithName("OpenContributionCall").WithSummary("Open a call, or move its closing date");
        staff.MapGet("/contributions", ListAsync).WithName("ListContributions").WithSummary("Every contribution submitted, oldest first");
        staff.MapPost("/contributions/{contributionId:guid}/accept", AcceptAsync).WithName("AcceptContribution")
            .WithSummary("Accept a lightning talk (running order and slot) or a stand (allocation), or move an accepted one");
        staff.MapPost("/contributions/{contributionId:guid}/decline", DeclineAsync).WithName("DeclineContribution")
            .WithSummary("Decline a contribution (an accepted one leaves the line-up)");

        return routes;
    }

    private static async Task<Results<Ok<Paged<CallView>>, ProblemHttpResult>> CallsAsync(
        Guid eventId, PageRequest paging, EventsDbContext db, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        if (await VisibleEventAsync(eventId, db, http, ct) is null) return RuleProblem.NotFound($"Event {eventId}");
        var now = time.GetUtcNow();
        var calls = await db.ContributionCalls.AsNoTracking().Where(c => c.EventId == eventId).OrderBy(c => c.Kind).ToListAsync(ct);
        return TypedResults.Ok(Paged<CallView>.Of(calls.Select(c => c.ToView(now)).ToList(), paging));
    }

    private static async Task<Results<Ok<LineUp>, ProblemHttpResult>> LineUpAsync(
        Guid eventId, EventsDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await VisibleEventAsync(eventId, db, http, ct) is null) return RuleProblem.NotFound($"Event {eventId}");
        var accepted = await db.Contributions.AsNoTracking()
            .Where(c => c.EventId == eventId && c.Status == ContributionStatus.Accepted).ToListAsync(ct);
        return TypedResults.Ok(ContributionViews.ToLineUp(eventId, accepted));
    }

    private static async Task<Results<Created<ContributionView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        Guid eventId, ContributionRequest request, EventsDbContext db, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any) return errors.ToProblem();
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId && x.Status == EventStatus.Published, ct);
        if (e is null) return RuleProblem.NotFound($"Event {eventId}");
        var now = time.GetUtcNow();
        var call = await db.ContributionCalls.AsNoTracking().FirstOrDefaultAsync(c => c.EventId == eventId && c.Kind == request.Kind, ct);
        if (call is null)
            return RuleProblem.Conflict("call-not-open", "This event has no call for that kind of contribution.");
        if (now >= call.ClosesAt)
            return RuleProblem.Conflict("call-closed", $"The call closed at {call.ClosesAt.ToLondon():yyyy-MM-dd HH:mm} (UK time).");

        var contribution = request.ToContribution(eventId, http.User.GetOrganisationId()!.Value, http.User.GetSubject()!, now);
        db.Contributions.Add(contribution);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(ContributionModel.OnePerOrganisation))
        {
            return RuleProblem.Conflict("duplicate-contribution",
                "Your organisation has already offered one of these for this event; ask the organisers to change it.");
        }
        return TypedResults.Created($"/api/events/{eventId}/contributions/{contribution.Id}", contribution.ToView());
    }

    private static async Task<Results<Ok<CallView>, ValidationProblem, ProblemHttpResult>> OpenCallAsync(
        Guid eventId, CallRequest request, EventsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return RuleProblem.NotFound($"Event {eventId}");
        if (e.Status is EventStatus.Closed or EventStatus.Cancelled)
            return RuleProblem.Conflict("event-status", $"A {e.Status} event takes no more contributions.");
        var errors = request.Validate(e);
        if (errors.Any) return errors.ToProblem();

        var now = time.GetUtcNow();
        var closesAt = request.ClosesAt!.Value.ToUniversalTime();
        // One statement, so two staff opening the same call at once leave one row with the later write.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO contribution_call (event_id, kind, closes_at, updated_at) VALUES ({eventId}, {request.Kind!.Value.ToString()}, {closesAt}, {now})
            ON CONFLICT (event_id, kind) DO UPDATE SET closes_at = excluded.closes_at, updated_at = excluded.updated_at
            """, ct);
        return TypedResults.Ok(new ContributionCall { EventId = eventId, Kind = request.Kind!.Value, ClosesAt = closesAt, UpdatedAt = now }.ToView(now));
    }

    private static async Task<Results<Ok<Paged<ContributionView>>, ProblemHttpResult>> ListAsync(
        Guid eventId, ContributionKind? kind, ContributionStatus? status, PageRequest paging, EventsDbContext db, CancellationToken ct)
    {
        if (!await db.Events.AnyAsync(x => x.Id == eventId, ct)) return RuleProblem.NotFound($"Event {eventId}");
        var query = db.Contributions.AsNoTracking().Where(c => c.EventId == eventId);
        if (kind is { } k) query = query.Where(c => c.Kind == k);
        if (status is { } s) query = query.Where(c => c.Status == s);
        var page = await query.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).ToPagedAsync(paging, ct);
        return TypedResults.Ok(page.Select(c => c.ToView()));
    }

    private static async Task<Results<Ok<ContributionView>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        Guid eventId, Guid contributionId, AcceptContributionRequest request, EventsDbContext db, HttpContext http, TimeProvider time,
        CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct);
        var contribution = await db.Contributions.FirstOrDefaultAsync(c => c.Id == contributionId && c.EventId == eventId, ct);
        if (e is null || contribution is null) return RuleProblem.NotFound($"Contribution {contributionId} to event {eventId}");
        var errors = request.Validate(contribution, e);
        if (errors.Any) return errors.ToProblem();

        request.ApplyTo(contribution, http.User.GetSubject() ?? "staff", time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(ContributionModel.RunningOrderTaken))
        {
            return RuleProblem.Conflict("running-order-taken", $"Another talk is already number {request.RunningOrder} in the running order.");
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(ContributionModel.AllocationTaken))
        {
            return RuleProblem.Conflict("allocation-taken", $"'{request.Allocation}' is already allocated to another stand.");
        }
        return TypedResults.Ok(contribution.ToView());
    }

    private static async Task<Results<Ok<ContributionView>, ProblemHttpResult>> DeclineAsync(
        Guid eventId, Guid contributionId, EventsDbContext db, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var contribution = await db.Contributions.FirstOrDefaultAsync(c => c.Id == contributionId && c.EventId == eventId, ct);
        if (contribution is null) return RuleProblem.NotFound($"Contribution {contributionId} to event {eventId}");
        contribution.Status = ContributionStatus.Declined;
        // A declined talk gives up its place in the running order, and a stand its allocation, for others to take.
        contribution.RunningOrder = null;
        contribution.SlotStartsAt = contribution.SlotEndsAt = null;
        contribution.Allocation = null;
        contribution.DecidedAt = time.GetUtcNow();
        contribution.DecidedBy = http.User.GetSubject() ?? "staff";
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(contribution.ToView());
    }

    /// <summary>The event if the caller may see it: the public only Published ones, staff any.</summary>
    private static Task<PartnershipEvent?> VisibleEventAsync(Guid eventId, EventsDbContext db, HttpContext http, CancellationToken ct)
    {
        var isStaff = http.User.GetRole() == PlatformPolicies.Staff;
        return db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId && (isStaff || x.Status == EventStatus.Published), ct);
    }
}
