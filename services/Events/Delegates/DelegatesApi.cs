using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Events.Infrastructure;
using Platform.Events.Organising;
using Platform.Events.Registrations;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;

namespace Platform.Events.Delegates;

/// <summary>
/// Staff read who registered: the event's delegates (to find one at the desk, or a bogus registration to remove) and
/// each workshop's list, places first and then its waitlist in the order places will be offered.
/// </summary>
public static class DelegatesApi
{
    private const int SearchLimit = 200;

    public static IEndpointRouteBuilder MapDelegatesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events/{eventId:guid}").WithTags("Delegates").RequireEventOrganiser()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesAuthorizationFailures();

        group.MapGet("/registrations", ListAsync).WithName("ListRegistrations")
            .WithSummary("The event's registrations, newest first, with their workshop choices (staff)");
        group.MapGet("/registrations/{registrationId:guid}", GetAsync).WithName("GetRegistrationAsStaff")
            .WithSummary("One registration as staff see it, e.g. before removing it (staff)");
        group.MapGet("/sessions/{sessionId:guid}/delegates", WorkshopListAsync).WithName("ListWorkshopDelegates")
            .WithSummary("A workshop's delegates: places held, then the waitlist in offer order with each one's position (staff)");

        return routes;
    }

    private static async Task<Results<Ok<Paged<DelegateRow>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid eventId,
        EventsDbContext db,
        PageRequest paging,
        [Description("Part of a name, email address or organisation, or a whole check-in code")] string? search,
        RegistrationStatus? status,
        [Description("Only those checked in at the event (true) or not yet (false)")] bool? checkedIn,
        CancellationToken ct)
    {
        var errors = new ValidationErrors().AddIf(search?.Length > SearchLimit, "search", $"A search is at most {SearchLimit} characters.");
        if (errors.Any) return errors.ToProblem();
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return RuleProblem.NotFound($"Event {eventId}");

        var query = db.Registrations.AsNoTracking().Where(r => r.EventId == eventId);
        if (status is { } s) query = query.Where(r => r.Status == s);
        if (checkedIn is { } came) query = query.Where(r => (r.CheckedInAt != null) == came);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = LikePattern.Containing(search);
            var code = CheckIn.CheckInCode.Normalise(search);
            query = query.Where(r => EF.Functions.ILike(r.Name, pattern, LikePattern.Escape) || EF.Functions.ILike(r.Email, pattern, LikePattern.Escape)
                                     || EF.Functions.ILike(r.Organisation, pattern, LikePattern.Escape) || r.CheckInCode == code);
        }

        var page = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                Registration = r,
                Choices = r.Choices.Where(c => c.Status == ChoiceStatus.Confirmed || c.Status == ChoiceStatus.Offered || c.Status == ChoiceStatus.Waitlisted)
                    .Select(c => new { c.SessionId, c.Status }).ToList(),
            })
            .ToPagedAsync(paging, ct);
        var titles = e.Sessions.ToDictionary(x => x.Id, x => (x.Title, x.StartsAt));
        return TypedResults.Ok(page.Select(x => x.Registration.ToRow(
            x.Choices.OrderBy(c => titles[c.SessionId].StartsAt)
                .Select(c => new DelegateChoice(c.SessionId, titles[c.SessionId].Title, c.Status)).ToList())));
    }

    private static async Task<Results<Ok<DelegateRow>, ProblemHttpResult>> GetAsync(
        Guid eventId, Guid registrationId, EventsDbContext db, CancellationToken ct)
    {
        var r = await db.Registrations.AsNoTracking().Include(x => x.Choices).FirstOrDefaultAsync(x => x.Id == registrationId && x.EventId == eventId, ct);
        if (r is null) return RuleProblem.NotFound($"Registration {registrationId} of event {eventId}");
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == eventId).ToDictionaryAsync(s => s.Id, ct);
        return TypedResults.Ok(r.ToRow(r.Choices.Where(c => c.IsActive).OrderBy(c => sessions[c.SessionId].StartsAt)
            .Select(c => new DelegateChoice(c.SessionId, sessions[c.SessionId].Title, c.Status)).ToList()));
    }

    private static async Task<Results<Ok<Paged<WorkshopDelegate>>, ValidationProblem, ProblemHttpResult>> WorkshopListAsync(
        Guid eventId, Guid sessionId, EventsDbContext db, PageRequest paging,
        [Description("Only confirmed, offered or waitlisted places; all three when left out")] ChoiceStatus? status,
        CancellationToken ct)
    {
        var errors = new ValidationErrors().AddIf(status is not (null or ChoiceStatus.Confirmed or ChoiceStatus.Offered or ChoiceStatus.Waitlisted),
            "status", "A workshop's list holds confirmed, offered and waitlisted places only.");
        if (errors.Any) return errors.ToProblem();
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId && s.EventId == eventId, ct))
            return RuleProblem.NotFound($"Session {sessionId} of event {eventId}");

        var choices = db.Choices.AsNoTracking().Where(c => c.SessionId == sessionId);
        choices = status is { } only
            ? choices.Where(c => c.Status == only)
            : choices.Where(c => c.Status == ChoiceStatus.Confirmed || c.Status == ChoiceStatus.Offered || c.Status == ChoiceStatus.Waitlisted);

        // Places first, then the queue in the promoter's (queued at, id) order: the waitlist's rows are its tail.
        var page = await (from c in choices
                          join r in db.Registrations on c.RegistrationId equals r.Id
                          orderby c.Status == ChoiceStatus.Waitlisted, c.QueuedAt, c.Id
                          select new { r.Id, r.Name, r.Email, r.Organisation, c.Status, c.QueuedAt, c.OfferExpiresAt })
            .ToPagedAsync(paging, ct);
        var holders = page.Items.Any(x => x.Status == ChoiceStatus.Waitlisted)
            ? await choices.CountAsync(c => c.Status != ChoiceStatus.Waitlisted, ct)
            : 0;
        return TypedResults.Ok(new Paged<WorkshopDelegate>(
            page.Items.Select((x, i) => new WorkshopDelegate(x.Id, x.Name, x.Email, x.Organisation, x.Status, x.QueuedAt.ToLondon(),
                x.OfferExpiresAt?.ToLondon(), x.Status == ChoiceStatus.Waitlisted ? paging.Offset + i + 1 - holders : null)).ToList(),
            page.Page, page.PageSize, page.Total));
    }
}
