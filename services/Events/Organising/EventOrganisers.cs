using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Problems;

namespace Platform.Events.Organising;

/// <summary>
/// Who runs an event: the commissioner's staff run every event; a partner organisation's users (a council running a
/// training day for its own and police staff) run only the events their organisation created. Another
/// organisation's event, or the office's, does not exist for them (404), the same answer as an unknown id.
/// </summary>
public static class EventOrganisers
{
    public const string Policy = "events-organiser";

    public static AuthorizationBuilder AddEventOrganiserPolicy(this AuthorizationBuilder authorization) =>
        // The role claim requirement names the roles for the API document (x-roles: a session, never a partner key).
        authorization.AddPolicy(Policy, p => p.RequireAuthenticatedUser()
            .RequireClaim(PlatformClaims.Role, PlatformClaims.Roles.Staff, PlatformClaims.Roles.Organisation).RequireAssertion(c =>
            c.User.GetRole() == PlatformClaims.Roles.Staff
            // An organisation user's every query is filtered by org_id: a token without one gets nowhere.
            || (c.User.GetRole() == PlatformClaims.Roles.Organisation && c.User.GetOrganisationId() is not null)));

    /// <summary>The organisation the caller acts for, or null for staff (who act for the office and see every event).</summary>
    public static Guid? OrganisationOf(ClaimsPrincipal user) =>
        user.GetRole() == PlatformClaims.Roles.Staff ? null : user.GetOrganisationId();

    public static bool IsStaff(ClaimsPrincipal user) => user.GetRole() == PlatformClaims.Roles.Staff;

    /// <summary>The events the caller may run: all for staff, their organisation's for its users.</summary>
    public static IQueryable<PartnershipEvent> RunBy(this IQueryable<PartnershipEvent> events, ClaimsPrincipal user) =>
        IsStaff(user) ? events : events.Where(e => e.OrganisationId == OrganisationOf(user));

    /// <summary>
    /// The organiser policy, and for an organisation user every request naming an event (route value <c>eventId</c>
    /// or <c>id</c>) is answered 404 unless the event is their organisation's, before the handler reads anything.
    /// </summary>
    public static RouteGroupBuilder RequireEventOrganiser(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policy).AddEndpointFilter(OnlyTheirOwnEventsAsync);
        return group;
    }

    private static async ValueTask<object?> OnlyTheirOwnEventsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!IsStaff(http.User) && EventIdOf(http) is { } id)
        {
            var organisation = OrganisationOf(http.User);
            var db = http.RequestServices.GetRequiredService<EventsDbContext>();
            if (!await db.Events.AnyAsync(e => e.Id == id && e.OrganisationId == organisation, http.RequestAborted))
                return RuleProblem.NotFound($"Event {id}");
        }
        return await next(context);
    }

    private static Guid? EventIdOf(HttpContext http) =>
        (http.GetRouteValue("eventId") ?? http.GetRouteValue("id")) is { } value && Guid.TryParse(value.ToString(), out var id) ? id : null;
}
