using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Messaging;
using Platform.ServiceDefaults.ReferenceData;
using Platform.ServiceDefaults.Secrets;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Matching;
using Platform.Volunteers.Roles;

namespace Platform.Volunteers.Applications;

/// <summary>The public applying for a role, and then following (or withdrawing) the application through its manage link.</summary>
public static class ApplyApi
{
    /// <summary>What applying needs from the host, bound as one parameter.</summary>
    public readonly record struct ApplyingServices(
        VolunteersDbContext Db, IIntegrationEventOutbox Outbox, TimeProvider Time, IOptions<VolunteersOptions> Options, Districts Districts);

    public const string Applicant = "applicant";

    public static IEndpointRouteBuilder MapApplyApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/volunteers/roles/{roleId:guid}/applications", ApplyAsync).WithTags("Applying")
            .WithName("Apply").WithSummary("Apply for an open role; the manage link is emailed")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var manage = routes.MapGroup("/api/volunteers/applications/{token}").WithTags("Applying");
        manage.MapGet("/", GetAsync).WithName("GetApplication").WithSummary("The application behind a manage link").ProducesProblem(StatusCodes.Status404NotFound);
        manage.MapPost("/withdraw", WithdrawAsync).WithName("WithdrawApplication").WithSummary("Withdraw the application")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        manage.MapGet("/matches", MatchesAsync).WithName("MatchRolesForApplicant").WithSummary("Open roles that fit the applicant, best first").ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<List<RoleMatch>>, ProblemHttpResult>> MatchesAsync(
        string token, VolunteersDbContext db, TimeProvider time, RoleMatcher matcher, CancellationToken ct)
    {
        var a = await FindAsync(db, token, time, ct);
        if (a is null) return RuleProblem.NotFound("The application");
        var district = a.District is { Length: > 0 } d ? d : await db.Roles.Where(r => r.Id == a.RoleId).Select(r => r.District).FirstAsync(ct);
        return TypedResults.Ok(await matcher.MatchAsync(
            new MatchProfile(a.Skills, district, a.Availability, ApplicationRequest.YoungestIn(a.AgeBand), a.RoleId), ct));
    }

    private static async Task<Results<Created<ApplicationCreated>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        Guid roleId, ApplicationRequest request, [AsParameters] ApplyingServices services, CancellationToken ct)
    {
        var (db, outbox, time, options, districts) = services;
        var errors = request.Validate(districts);
        if (errors.Any) return errors.ToProblem();

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var found = await (from r in db.Roles.AsNoTracking()
                           join o in db.Organisations on r.OrganisationId equals o.Id
                           where r.Id == roleId
                           select new { Role = r, Organisation = o }).FirstOrDefaultAsync(ct);
        if (found is null || found.Role.Status == RoleStatus.Draft || found.Organisation.Status != Organisations.OrganisationStatus.Approved)
            return RuleProblem.NotFound($"Role {roleId}");
        var role = found.Role;
        if (role.Status != RoleStatus.Open || role.ClosesOn < today)
            return RuleProblem.Conflict("role-closed", role.Status == RoleStatus.Filled
                ? "Every place in this role is filled; it takes no more applications."
                : "This role is closed to applications.");
        if (ApplicationRequest.YoungestIn(request.AgeBand!.Value) < role.MinimumAge)
            return RuleProblem.Unprocessable("minimum-age", $"Volunteers for this role must be at least {role.MinimumAge}.");

        var email = request.Email!.Trim().ToLower();
        if (await db.Applications.AnyAsync(a => a.RoleId == roleId && a.Email.ToLower() == email
                && a.Stage != ApplicationStage.Declined && a.Stage != ApplicationStage.Withdrawn, ct))
            return RuleProblem.Conflict("already-applied", "There is already an application for this role from this email address; its manage link was emailed.");

        var token = BearerSecret.Create();
        var application = request.ToApplication(role, BearerSecret.Hash(token), now + options.Value.ManageLinkLifetime, districts, now);
        var applied = new StageChange
        {
            ApplicationId = application.Id, From = ApplicationStage.Applied, To = ApplicationStage.Applied, ChangedBy = Applicant, ChangedAt = now,
        };
        application.History.Add(applied);
        db.Applications.Add(application);
        outbox.Add(ApplicationMessages.Received(application, role, found.Organisation, token, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/volunteers/applications/{token}", new ApplicationCreated(application.Id, role.Id, application.Stage, token));
    }

    private static async Task<Results<Ok<ManagedApplicationView>, ProblemHttpResult>> GetAsync(
        string token, VolunteersDbContext db, TimeProvider time, CancellationToken ct)
    {
        var application = await FindAsync(db, token, time, ct);
        if (application is null) return RuleProblem.NotFound("The application");
        return TypedResults.Ok(await ViewAsync(db, application, ct));
    }

    private static async Task<Results<Ok<ManagedApplicationView>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        string token, WithdrawRequest request, VolunteersDbContext db, TimeProvider time, ApplicationTransitions transitions, CancellationToken ct)
    {
        var application = await FindAsync(db, token, time, ct);
        if (application is null) return RuleProblem.NotFound("The application");
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "Withdrawn by the applicant." : request.Reason;
        return await transitions.MoveAsync(application, ApplicationStage.Withdrawn, reason, Applicant, ct) switch
        {
            ApplicationMove.Moved moved => TypedResults.Ok(await ViewAsync(db, moved.Application, ct)),
            ApplicationMove.Invalid invalid => invalid.Errors.ToProblem(),
            var refused => PipelineApi.Refusal(refused),
        };
    }

    private static async Task<VolunteerApplication?> FindAsync(VolunteersDbContext db, string token, TimeProvider time, CancellationToken ct)
    {
        if (!BearerSecret.LooksValid(token)) return null;
        var hash = BearerSecret.Hash(token);
        var now = time.GetUtcNow();
        return await db.Applications.Include(a => a.History).FirstOrDefaultAsync(a => a.ManageTokenHash == hash && a.ManageTokenExpiresAt > now, ct);
    }

    private static async Task<ManagedApplicationView> ViewAsync(VolunteersDbContext db, VolunteerApplication a, CancellationToken ct)
    {
        var names = await (from r in db.Roles
                           join o in db.Organisations on r.OrganisationId equals o.Id
                           where r.Id == a.RoleId
                           select new { r.Title, o.Name }).FirstAsync(ct);
        return new ManagedApplicationView(a.Id, a.RoleId, names.Title, names.Name, a.Stage, a.CreatedAt,
            a.History.OrderBy(h => h.ChangedAt).ThenBy(h => h.Id).Select(h => new StageChangeView(h.From, h.To, h.Reason, h.ChangedBy == Applicant ? Applicant : "organisation", h.ChangedAt)).ToList());
    }
}
