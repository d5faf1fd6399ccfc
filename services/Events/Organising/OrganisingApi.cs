using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Data;
using Platform.Events.Catalogue;
using Platform.Events.ChangeNotices;
using Platform.Events.Infrastructure;
using Platform.Messaging;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.ReferenceData;

namespace Platform.Events.Organising;

/// <summary>
/// Organisers create and edit events and move them through Draft → Published → Closed, or Cancelled: staff any event,
/// a partner organisation's users their own training days (<see cref="EventOrganisers"/>).
/// </summary>
public static class OrganisingApi
{
    public static IEndpointRouteBuilder MapOrganisingApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events").WithTags("Organising").RequireEventOrganiser()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesAuthorizationFailures();

        group.MapGet("/all", ListAllAsync).WithName("ListAllEvents").WithSummary("Every event in any status (staff); an organisation's users, their organisation's events");
        group.MapPost("/", CreateAsync).WithName("CreateEvent")
            .WithSummary("Create a draft event (an organisation's users create training days, owned by their organisation)");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateEvent").WithSummary("Replace an event's details (moved to another day, its programme moves with it)");
        group.MapPost("/{id:guid}/publish", async (Guid id, EventLifecycle lifecycle, CancellationToken ct) =>
            Answer(await lifecycle.PublishAsync(id, ct))).WithName("PublishEvent").WithSummary("Draft → Published");
        group.MapPost("/{id:guid}/close", async (Guid id, EventLifecycle lifecycle, CancellationToken ct) =>
            Answer(await lifecycle.CloseAsync(id, ct))).WithName("CloseEvent").WithSummary("Published → Closed: no more registrations");
        group.MapPost("/{id:guid}/cancel", async (Guid id, EventLifecycle lifecycle, CancellationToken ct) =>
            Answer(await lifecycle.CancelAsync(id, ct))).WithName("CancelEvent").WithSummary("Cancel the event and tell every registrant");

        return routes;
    }

    private static async Task<Ok<Paged<EventSummary>>> ListAllAsync(
        EventsDbContext db, ClaimsPrincipal user, EventStatus? status, PageRequest paging, CancellationToken ct)
    {
        var query = db.Events.AsNoTracking().RunBy(user);
        if (status is { } s) query = query.Where(e => e.Status == s);
        var events = await query.OrderByDescending(e => e.StartsAt).ThenBy(e => e.Id).ToPagedAsync(paging, ct);
        return TypedResults.Ok(events.Select(e => e.ToSummary()));
    }

    private static async Task<Results<Created<EventDetail>, ValidationProblem>> CreateAsync(
        EventRequest request, ClaimsPrincipal user, EventsDbContext db, TimeProvider time, Districts districts, CancellationToken ct)
    {
        var organisation = EventOrganisers.OrganisationOf(user);
        var errors = request.Validate(districts);
        // Conferences and workshop days are the office's; a partner runs training days for its own and partners' staff.
        errors.AddIf(organisation is not null && request.Kind is not (null or EventKind.TrainingDay), "kind",
            "An organisation's users create training days; conferences and workshop days are the commissioner's office's.");
        if (errors.Any) return errors.ToProblem();

        var now = time.GetUtcNow();
        var e = new PartnershipEvent
        {
            Title = "", Venue = new Venue { Name = "" }, OrganisationId = organisation, CreatedAt = now, UpdatedAt = now,
        };
        request.ApplyTo(e, districts);
        db.Events.Add(e);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/events/{e.Id}", e.ToDetail());
    }

    private static async Task<Results<Ok<EventDetail>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, EventRequest request, EventsDbContext db, IIntegrationEventOutbox outbox, ScheduleChanges scheduleChanges,
        TimeProvider time, Districts districts, CancellationToken ct)
    {
        var errors = request.Validate(districts);
        if (errors.Any) return errors.ToProblem();

        var e = await db.Events.Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return RuleProblem.NotFound($"Event {id}");
        if (e.Status is EventStatus.Closed or EventStatus.Cancelled)
            return RuleProblem.Conflict("event-status", $"A {e.Status} event can no longer be edited.");
        if (request.Capacity < e.PlacesTaken)
            return RuleProblem.Conflict("capacity-below-registrations",
                $"The capacity cannot go below the {e.PlacesTaken} places already taken.");
        // An event moved to another day (its start's time of day unchanged) takes its programme with it; otherwise the
        // sessions stay put and must still fit.
        var movedDays = LondonTime.LondonDaysBetween(e.StartsAt, request.StartsAt!.Value) ?? 0;
        if (e.Sessions.Any(s => s.StartsAt.AddLondonDays(movedDays) < request.StartsAt!.Value || s.EndsAt.AddLondonDays(movedDays) > request.EndsAt!.Value))
            return RuleProblem.Conflict("programme-outside-event", "Every session must still fall within the event's new times.");

        var before = (e.Title, e.Venue.Name, e.StartsAt, e.EndsAt);
        var day = ScheduleSnapshot.Of(e);
        request.ApplyTo(e, districts);
        foreach (var session in movedDays == 0 ? [] : e.Sessions)
        {
            session.StartsAt = session.StartsAt.AddLondonDays(movedDays);
            session.EndsAt = session.EndsAt.AddLondonDays(movedDays);
        }

        e.UpdatedAt = time.GetUtcNow();
        if (e.Status == EventStatus.Published && before != (e.Title, e.Venue.Name, e.StartsAt, e.EndsAt))
            outbox.Add(new PartnershipEventChanged(e.Id, e.Title, e.Venue.Name, e.StartsAt, e.EndsAt) { OccurredAt = e.UpdatedAt });

        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await scheduleChanges.NoteAsync(e, day, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsCheckViolation())
        {
            // A registration committed between our read and write; the CHECK constraint kept capacity honest.
            return RuleProblem.Conflict("capacity-below-registrations", "The capacity cannot go below the places already taken.");
        }
        return TypedResults.Ok(e.ToDetail());
    }

    private static Results<Ok<EventDetail>, ProblemHttpResult> Answer(EventTransition transition) => transition switch
    {
        EventTransition.Made made => TypedResults.Ok(made.Event.ToDetail()),
        EventTransition.NoSuchEvent missing => RuleProblem.NotFound($"Event {missing.Id}"),
        EventTransition.Refused refused => RuleProblem.Conflict(refused.Rule, refused.Reason),
        _ => throw new UnreachableException(),
    };
}
