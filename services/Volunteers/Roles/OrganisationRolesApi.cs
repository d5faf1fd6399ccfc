using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Messaging;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.ReferenceData;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Organisations;

namespace Platform.Volunteers.Roles;

/// <summary>
/// An organisation's own roles. Every query is filtered by the caller's organisation id, so another organisation's
/// role is simply not found (404), never shown or changed.
/// </summary>
public static class OrganisationRolesApi
{
    public static IEndpointRouteBuilder MapOrganisationRolesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/volunteers/organisation/roles").WithTags("Organisation roles")
            .RequireAuthorization(PlatformPolicies.Organisation).ProducesAuthorizationFailures();
        group.MapGet("/", ListAsync).WithName("ListOrganisationRoles").WithSummary("The organisation's roles, every status");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetOrganisationRole").WithSummary("One of the organisation's roles");
        group.MapPost("/", CreateAsync).WithName("PostRole").WithSummary("Post a role (Draft until opened)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateRole").WithSummary("Edit a Draft or Open role")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/open", OpenAsync).WithName("OpenRole").WithSummary("Open a Draft role to applications (public once the organisation is approved)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/close", CloseAsync).WithName("CloseRole").WithSummary("Close a role to applications")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Ok<Paged<RoleView>>> ListAsync(ClaimsPrincipal user, VolunteersDbContext db, PageRequest paging, CancellationToken ct)
    {
        var org = user.OrganisationId();
        var name = await db.Organisations.Where(o => o.Id == org).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        var roles = await db.Roles.AsNoTracking().Where(r => r.OrganisationId == org)
            .OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).ToPagedAsync(paging, ct);
        return TypedResults.Ok(roles.Select(r => RoleView.Of(r, name)));
    }

    private static async Task<Results<Ok<RoleView>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, VolunteersDbContext db, CancellationToken ct)
    {
        var org = user.OrganisationId();
        var found = await (from r in db.Roles.AsNoTracking()
                           join o in db.Organisations on r.OrganisationId equals o.Id
                           where r.Id == id && r.OrganisationId == org
                           select new { r, o.Name }).FirstOrDefaultAsync(ct);
        return found is null ? RuleProblem.NotFound($"Role {id}") : TypedResults.Ok(RoleView.Of(found.r, found.Name));
    }

    private static async Task<Results<Created<RoleView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        RoleRequest request, ClaimsPrincipal user, VolunteersDbContext db, TimeProvider time, Districts districts, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var errors = request.Validate(districts, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Any) return errors.ToProblem();
        var org = user.OrganisationId();
        var o = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == org, ct);
        if (o is null)
            return RuleProblem.Unprocessable("profile-required", "Register the organisation's profile (PUT /api/volunteers/organisation/profile) before posting roles.");

        var role = new VolunteerRole { OrganisationId = org, Title = "", Description = "", District = "", TimeCommitment = "", CreatedAt = now };
        request.ApplyTo(role, districts);
        db.Roles.Add(role);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/volunteers/organisation/roles/{role.Id}", RoleView.Of(role, o.Name));
    }

    private static async Task<Results<Ok<RoleView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, RoleRequest request, ClaimsPrincipal user, VolunteersDbContext db, TimeProvider time, Districts districts, CancellationToken ct)
    {
        var errors = request.Validate(districts, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (errors.Any) return errors.ToProblem();
        var org = user.OrganisationId();
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Id == id && r.OrganisationId == org, ct);
        if (role is null) return RuleProblem.NotFound($"Role {id}");
        if (role.Status is not (RoleStatus.Draft or RoleStatus.Open))
            return RuleProblem.Conflict("role-status", $"The role is {role.Status}; only Draft and Open roles can be edited.");
        if (request.Places < role.PlacesFilled)
            return ValidationErrors.For("places", $"{role.PlacesFilled} places are already filled; 'places' cannot be fewer.");
        request.ApplyTo(role, districts);
        await db.SaveChangesAsync(ct);
        var name = await db.Organisations.Where(o => o.Id == org).Select(o => o.Name).FirstAsync(ct);
        return TypedResults.Ok(RoleView.Of(role, name));
    }

    private static async Task<Results<Ok<RoleView>, ProblemHttpResult>> OpenAsync(
        Guid id, ClaimsPrincipal user, VolunteersDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, CancellationToken ct)
    {
        var org = user.OrganisationId();
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var opened = await db.Roles.Where(r => r.Id == id && r.OrganisationId == org && r.Status == RoleStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RoleStatus.Open).SetProperty(r => r.OpenedAt, now), ct);
        var role = await db.Roles.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.OrganisationId == org, ct);
        if (role is null) return RuleProblem.NotFound($"Role {id}");
        if (opened == 0) return RuleProblem.Conflict("role-status", $"The role is {role.Status}; only a Draft role can be opened.");
        var o = await db.Organisations.AsNoTracking().FirstAsync(x => x.Id == org, ct);
        // Until staff approve the organisation, the role is not public, so nothing is announced yet (approval does it).
        if (o.Status == OrganisationStatus.Approved) outbox.Add(RoleMessages.Opened(role, o, now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(RoleView.Of(role, o.Name));
    }

    private static async Task<Results<Ok<RoleView>, ProblemHttpResult>> CloseAsync(
        Guid id, ClaimsPrincipal user, VolunteersDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, CancellationToken ct)
    {
        var org = user.OrganisationId();
        var now = time.GetUtcNow();
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Id == id && r.OrganisationId == org, ct);
        if (role is null) return RuleProblem.NotFound($"Role {id}");
        if (role.Status is not (RoleStatus.Draft or RoleStatus.Open))
            return RuleProblem.Conflict("role-status", $"The role is already {role.Status}.");
        var wasOpen = role.Status == RoleStatus.Open;
        role.Status = RoleStatus.Closed;
        role.ClosedAt = now;
        if (wasOpen) outbox.Add(RoleMessages.Closed(role, "Closed", now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RuleProblem.Conflict("role-status", "The role changed at the same moment; read it again.");
        }
        var name = await db.Organisations.Where(o => o.Id == org).Select(o => o.Name).FirstAsync(ct);
        return TypedResults.Ok(RoleView.Of(role, name));
    }
}
