using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Serialization;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Credentials;

public sealed record CredentialRequest(CredentialKind? Kind, string? Title, DateOnly? IssuedOn, DateOnly? ExpiresOn);

/// <summary>A credential that has expired or soon will, with whose it is.</summary>
public sealed record ExpiringCredentialView(Guid Id, Guid VolunteerId, string VolunteerName, CredentialKind Kind, string Title, DateOnly ExpiresOn, bool Expired);

/// <summary>Background checks and qualifications the organisation records for its volunteers; expiry is reminded by the sweep.</summary>
public static class CredentialsApi
{
    public static IEndpointRouteBuilder MapCredentialsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/volunteers/organisation/volunteers/{volunteerId:guid}/credentials").WithTags("Organisation volunteers")
            .RequireAuthorization(PlatformPolicies.Organisation).ProducesAuthorizationFailures();
        group.MapPost("/", AddAsync).WithName("RecordCredential").WithSummary("Record a background check or qualification")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", RenewAsync).WithName("RenewCredential").WithSummary("Renew: a new expiry date (reminded again before it)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapGet("/api/volunteers/organisation/credentials/expiring", ExpiringAsync).WithTags("Organisation volunteers")
            .RequireAuthorization(PlatformPolicies.Organisation).ProducesAuthorizationFailures()
            .WithName("ListExpiringCredentials").WithSummary("Credentials of current volunteers expired or expiring within 'withinDays' (default 60), soonest first")
            .ProducesValidationProblem();
        return routes;
    }

    private static async Task<Results<Ok<Paged<ExpiringCredentialView>>, ValidationProblem>> ExpiringAsync(
        int? withinDays, ClaimsPrincipal user, VolunteersDbContext db, TimeProvider time, PageRequest paging, CancellationToken ct)
    {
        if (withinDays is < 0 or > 366) return ValidationErrors.For("withinDays", "'withinDays' must be from 0 to 366.");
        var org = user.OrganisationId();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var until = today.AddDays(withinDays ?? 60);
        // Those who left need no renewal: their records stay, but not on the list of things to chase.
        var page = await (from c in db.Credentials.AsNoTracking()
                          join v in db.Volunteers on c.VolunteerId equals v.Id
                          where c.OrganisationId == org && v.OrganisationId == org && v.Status != VolunteerStatus.Left
                                && c.ExpiresOn != null && c.ExpiresOn <= until
                          orderby c.ExpiresOn, c.Id
                          select new { c, v.Name }).ToPagedAsync(paging, ct);
        return TypedResults.Ok(page.Select(x => new ExpiringCredentialView(
            x.c.Id, x.c.VolunteerId, x.Name, x.c.Kind, x.c.Title, x.c.ExpiresOn!.Value, x.c.ExpiresOn < today)));
    }

    private static async Task<Results<Created<CredentialView>, ValidationProblem, ProblemHttpResult>> AddAsync(
        Guid volunteerId, CredentialRequest request, ClaimsPrincipal user, VolunteersDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.AddIf(request.Kind is null, "kind", $"'kind' is required: {string.Join(", ", EnumSpelling.Names<CredentialKind>())}.");
        Text.Required(errors, "title", request.Title, Limits.Title);
        errors.AddIf(request.IssuedOn is { } i && request.ExpiresOn is { } e && e <= i, "expiresOn", "'expiresOn' must be after 'issuedOn'.");
        if (errors.Any) return errors.ToProblem();
        var org = user.OrganisationId();
        if (!await db.Volunteers.AnyAsync(v => v.Id == volunteerId && v.OrganisationId == org, ct)) return RuleProblem.NotFound($"Volunteer {volunteerId}");
        var credential = new Credential
        {
            VolunteerId = volunteerId, OrganisationId = org, Kind = request.Kind!.Value, Title = request.Title!.Trim(),
            IssuedOn = request.IssuedOn, ExpiresOn = request.ExpiresOn,
        };
        db.Credentials.Add(credential);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/volunteers/organisation/volunteers/{volunteerId}/credentials/{credential.Id}", CredentialView.Of(credential));
    }

    private static async Task<Results<Ok<CredentialView>, ValidationProblem, ProblemHttpResult>> RenewAsync(
        Guid volunteerId, Guid id, CredentialRequest request, ClaimsPrincipal user, VolunteersDbContext db, CancellationToken ct)
    {
        if (request.ExpiresOn is null) return ValidationErrors.For("expiresOn", "'expiresOn' is required to renew.");
        var org = user.OrganisationId();
        var credential = await db.Credentials.FirstOrDefaultAsync(c => c.Id == id && c.VolunteerId == volunteerId && c.OrganisationId == org, ct);
        if (credential is null) return RuleProblem.NotFound($"Credential {id}");
        credential.ExpiresOn = request.ExpiresOn;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CredentialView.Of(credential));
    }
}
