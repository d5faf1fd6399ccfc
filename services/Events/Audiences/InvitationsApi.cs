using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Events.Infrastructure;
using Platform.Events.Organising;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Secrets;
using Platform.ServiceDefaults.Text;

namespace Platform.Events.Audiences;

public sealed record InvitationRequest(string? Name, string? Email);

public sealed record InvitationView(Guid Id, string Name, string Email, DateTimeOffset CreatedAt, bool Registered);

/// <summary>
/// Made once: the personal code and the site's registration link carrying it. Only the code's hash is kept, so the
/// organiser sends the link on now; a lost link is replaced by removing the invitation and inviting again.
/// </summary>
public sealed record InvitationIssued(InvitationView Invitation, string InvitationCode, string RegistrationLink);

/// <summary>Organisers name the invitees of an invitation-only event; each gets a personal link.</summary>
public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events/{eventId:guid}/invitations").WithTags("Organising").RequireEventOrganiser()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesAuthorizationFailures();

        group.MapGet("/", ListAsync).WithName("ListInvitations").WithSummary("The event's invitees and whether each has registered");
        group.MapPost("/", InviteAsync).WithName("Invite")
            .WithSummary("Invite a named person: answers their personal registration link once, for the organiser to send")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{invitationId:guid}", RemoveAsync).WithName("RemoveInvitation")
            .WithSummary("Withdraw an invitation nobody has registered with (its link stops working)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static IQueryable<InvitationView> Views(EventsDbContext db, Guid eventId) =>
        db.Invitations.AsNoTracking().Where(i => i.EventId == eventId).OrderBy(i => i.Name).ThenBy(i => i.Id)
            .Select(i => new InvitationView(i.Id, i.Name, i.Email, i.CreatedAt,
                db.Registrations.Any(r => r.InvitationId == i.Id && r.Status == Registrations.RegistrationStatus.Confirmed)));

    private static async Task<Results<Ok<Paged<InvitationView>>, ProblemHttpResult>> ListAsync(
        Guid eventId, EventsDbContext db, PageRequest paging, CancellationToken ct)
    {
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct)) return RuleProblem.NotFound($"Event {eventId}");
        var page = await Views(db, eventId).ToPagedAsync(paging, ct);
        return TypedResults.Ok(page.Select(i => i with { CreatedAt = i.CreatedAt.ToLondon() }));
    }

    private static async Task<Results<Created<InvitationIssued>, ValidationProblem, ProblemHttpResult>> InviteAsync(
        Guid eventId, InvitationRequest request, EventsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        Text.Required(errors, "name", request.Name, Limits.Name);
        Text.Email(errors, "email", request.Email);
        if (errors.Any) return errors.ToProblem();
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return RuleProblem.NotFound($"Event {eventId}");
        if (e.Audience != Audience.InvitationOnly)
            return RuleProblem.Conflict("event-not-invitation-only", "Only an invitation-only event has named invitees; set its audience first.");

        var code = BearerSecret.Create();
        var invitation = new Invitation
        {
            EventId = eventId, Name = request.Name!.Trim(), Email = request.Email!.Trim().ToLowerInvariant(),
            CodeHash = BearerSecret.Hash(code), CreatedAt = time.GetUtcNow(),
        };
        db.Invitations.Add(invitation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return RuleProblem.Conflict("already-invited", $"{invitation.Email} is already invited to this event.");
        }
        var view = new InvitationView(invitation.Id, invitation.Name, invitation.Email, invitation.CreatedAt.ToLondon(), false);
        return TypedResults.Created($"/api/events/{eventId}/invitations/{invitation.Id}",
            new InvitationIssued(view, code, $"/events/{eventId}/register?invitation={Uri.EscapeDataString(code)}"));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(Guid eventId, Guid invitationId, EventsDbContext db, CancellationToken ct)
    {
        if (await db.Registrations.AnyAsync(r => r.InvitationId == invitationId && r.EventId == eventId, ct))
            return RuleProblem.Conflict("invitation-used", "Someone registered with this invitation; cancel their registration instead.");
        return await db.Invitations.Where(i => i.Id == invitationId && i.EventId == eventId).ExecuteDeleteAsync(ct) == 0
            ? RuleProblem.NotFound($"Invitation {invitationId} of event {eventId}")
            : TypedResults.NoContent();
    }

    /// <summary>The invitee whose personal code this is, for the event; null for a code nobody was given.</summary>
    public static Task<Invitation?> FindAsync(EventsDbContext db, Guid eventId, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > Limits.InvitationCode) return Task.FromResult<Invitation?>(null);
        var hash = BearerSecret.Hash(code.Trim());
        return db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.EventId == eventId && i.CodeHash == hash, ct);
    }
}
