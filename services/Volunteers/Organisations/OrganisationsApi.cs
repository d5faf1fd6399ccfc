using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Volunteers;
using Platform.Data;
using Platform.Messaging;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.ReferenceData;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Roles;

namespace Platform.Volunteers.Organisations;

/// <summary>An organisation registers its own profile; staff approve it, after which its open roles are public.</summary>
public static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder routes)
    {
        var own = routes.MapGroup("/api/volunteers/organisation/profile").WithTags("Organisation profile")
            .RequireAuthorization(PlatformPolicies.Organisation).ProducesAuthorizationFailures();
        own.MapGet("/", GetOwnAsync).WithName("GetOrganisationProfile").WithSummary("The caller's organisation profile");
        own.MapPut("/", RegisterAsync).WithName("SaveOrganisationProfile").WithSummary("Register or update the caller's organisation profile (staff approve new ones)");

        var staff = routes.MapGroup("/api/volunteers/staff/organisations").WithTags("Organisations (staff)")
            .RequireAuthorization(PlatformPolicies.Staff).ProducesAuthorizationFailures();
        staff.MapGet("/", ListAsync).WithName("ListOrganisations").WithSummary("Every registered organisation, optionally by status");
        staff.MapPost("/{id:guid}/approve", ApproveAsync).WithName("ApproveOrganisation").WithSummary("Approve an organisation: its open roles go public");
        return routes;
    }

    private static async Task<Results<Ok<OrganisationView>, ProblemHttpResult>> GetOwnAsync(ClaimsPrincipal user, VolunteersDbContext db, CancellationToken ct)
    {
        var id = user.OrganisationId();
        var o = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return o is null ? RuleProblem.NotFound("Your organisation's profile") : TypedResults.Ok(OrganisationView.Of(o));
    }

    private static async Task<Results<Created<OrganisationView>, Ok<OrganisationView>, ValidationProblem>> RegisterAsync(
        OrganisationProfileRequest request, ClaimsPrincipal user, VolunteersDbContext db, TimeProvider time,
        Districts districts, CancellationToken ct)
    {
        var errors = request.Validate(districts);
        if (errors.Any) return errors.ToProblem();

        var id = user.OrganisationId();
        var o = await db.Organisations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is not null)
        {
            request.ApplyTo(o, districts);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(OrganisationView.Of(o));
        }

        o = new Organisation { Id = id, Name = "", ContactName = "", ContactEmail = "", RegisteredAt = time.GetUtcNow() };
        request.ApplyTo(o, districts);
        db.Organisations.Add(o);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Two first registrations at once: the other one won; this one is an update of it.
            db.ChangeTracker.Clear();
            o = await db.Organisations.FirstAsync(x => x.Id == id, ct);
            request.ApplyTo(o, districts);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(OrganisationView.Of(o));
        }
        return TypedResults.Created("/api/volunteers/organisation/profile", OrganisationView.Of(o));
    }

    private static async Task<Ok<Paged<OrganisationView>>> ListAsync(OrganisationStatus? status, VolunteersDbContext db, PageRequest paging, CancellationToken ct)
    {
        var query = db.Organisations.AsNoTracking();
        if (status is not null) query = query.Where(o => o.Status == status);
        var page = await query.OrderBy(o => o.Name).ThenBy(o => o.Id).ToPagedAsync(paging, ct);
        return TypedResults.Ok(page.Select(OrganisationView.Of));
    }

    private static async Task<Results<Ok<OrganisationView>, ProblemHttpResult>> ApproveAsync(
        Guid id, ClaimsPrincipal user, VolunteersDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The conditional update is the claim: of two approvals at once, only one announces the roles.
        var claimed = await db.Organisations.Where(o => o.Id == id && o.Status == OrganisationStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrganisationStatus.Approved)
                .SetProperty(o => o.ApprovedAt, now).SetProperty(o => o.ApprovedBy, user.Actor()), ct);
        var o = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return RuleProblem.NotFound($"Organisation {id}");
        if (claimed == 1)
        {
            var open = await db.Roles.AsNoTracking().Where(r => r.OrganisationId == id && r.Status == RoleStatus.Open).ToListAsync(ct);
            foreach (var role in open) outbox.Add(RoleMessages.Opened(role, o, now));
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return TypedResults.Ok(OrganisationView.Of(o));
    }
}
