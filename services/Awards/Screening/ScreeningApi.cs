using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Platform.Awards.Infrastructure;
using Platform.Awards.Judging;
using Platform.Awards.Nominating;
using Platform.Data;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;

namespace Platform.Awards.Screening;

public sealed record ScreenedNomination(
    Guid Id, Guid CategoryId, Guid NomineeId, string NomineeName, string? NomineeOrganisation, string? NomineeDistrict,
    string? NomineeContact, string Citation, string NominatorName, string NominatorEmail, string NominatorRelationship,
    NominationStatus Status, string? ScreeningReason, DateTimeOffset SubmittedAt);

/// <summary>A nominee with every nomination grouped under them: duplicates show as one nominee with several nominations.</summary>
public sealed record NomineeGroup(
    Guid Id, Guid CategoryId, string Name, string? Organisation, string? District, string? ContactEmail, bool Judged,
    bool Finalist, IReadOnlyList<ScreenedNomination> Nominations);

/// <summary>Staff screen nominations: eligible, ineligible with a reason, or merged into the nominee they duplicate.</summary>
public static class ScreeningApi
{
    public static IEndpointRouteBuilder MapScreeningApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/awards").WithTags("Screening").RequireAuthorization(PlatformPolicies.Staff)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesAuthorizationFailures();
        group.MapGet("/categories/{categoryId:guid}/nominees", NomineesAsync).WithName("ListNominees").WithSummary("Nominees of a category with their nominations grouped");
        group.MapPost("/nominations/{id:guid}/screening", ScreenAsync).WithName("ScreenNomination").WithSummary("Screen one nomination");
        return routes;
    }

    private static async Task<Results<Ok<Paged<NomineeGroup>>, ProblemHttpResult>> NomineesAsync(
        Guid categoryId, ClaimsPrincipal user, AwardsDbContext db, TimeProvider time, PageRequest paging, CancellationToken ct)
    {
        if (!await db.Categories.AnyAsync(c => c.Id == categoryId, ct)) return RuleProblem.NotFound($"Category {categoryId}");
        if (await JudgingSecrecy.CheckAsync(db, categoryId, user, time, ct) is { } judging) return RuleProblem.Create(StatusCodes.Status403Forbidden, JudgingSecrecy.Rule, judging);
        // Nominees left without a nomination (all merged away) are not listed, so they are not counted either.
        var nominees = await db.Nominees.AsNoTracking().Where(n => n.CategoryId == categoryId && db.Nominations.Any(m => m.NomineeId == n.Id))
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToPagedAsync(paging, ct);
        var ids = nominees.Items.Select(n => n.Id).ToList();
        var nominations = await db.Nominations.AsNoTracking().Where(n => ids.Contains(n.NomineeId)).OrderBy(n => n.SubmittedAt).ToListAsync(ct);
        return TypedResults.Ok(nominees.Select(x =>
        {
            var own = nominations.Where(n => n.NomineeId == x.Id).Select(ToView).ToList();
            return new NomineeGroup(x.Id, x.CategoryId, x.Name, x.Organisation, x.District, x.ContactEmail,
                own.Any(n => n.Status == NominationStatus.Eligible), x.IsFinalist, own);
        }));
    }

    private static async Task<Results<Ok<ScreenedNomination>, ValidationProblem, ProblemHttpResult>> ScreenAsync(
        Guid id, ScreeningRequest request, ClaimsPrincipal user, AwardsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any) return errors.ToProblem();
        var nomination = await db.Nominations.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (nomination is null) return RuleProblem.NotFound($"Nomination {id}");
        if (await JudgingSecrecy.CheckAsync(db, nomination.CategoryId, user, time, ct) is { } judging) return RuleProblem.Create(StatusCodes.Status403Forbidden, JudgingSecrecy.Rule, judging);
        if (nomination.Status == NominationStatus.Withdrawn)
            return RuleProblem.Conflict("withdrawn", "A withdrawn nomination cannot be screened.");
        // Once a shortlist is confirmed the field is fixed; screening changes would shift the ranking under it.
        if (await db.Categories.AnyAsync(c => c.Id == nomination.CategoryId && c.ShortlistConfirmedAt != null, ct))
            return RuleProblem.Conflict("shortlist-confirmed", "The category's shortlist is confirmed; its nominations can no longer be screened.");

        switch (request.Outcome!.Value)
        {
            case ScreeningOutcome.Eligible:
                nomination.Status = NominationStatus.Eligible;
                break;
            case ScreeningOutcome.Ineligible:
                nomination.Status = NominationStatus.Ineligible;
                break;
            case ScreeningOutcome.MergedDuplicate:
                var target = await db.Nominees.AsNoTracking().FirstOrDefaultAsync(n => n.Id == request.MergeIntoNomineeId, ct);
                if (target is null || target.CategoryId != nomination.CategoryId)
                    return ValidationErrors.For("mergeIntoNomineeId", "The nominee to merge into must be in the same category.");
                if (target.Id == nomination.NomineeId)
                    return ValidationErrors.For("mergeIntoNomineeId", "The nomination already belongs to that nominee.");
                await NomineeMerge.CarryJudgingAsync(db, nomination.NomineeId, target.Id, nomination.Id, ct);
                nomination.NomineeId = target.Id;
                nomination.Status = NominationStatus.Merged;
                break;
        }
        nomination.ScreeningReason = Text.Trimmed(request.Reason);
        nomination.ScreenedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToView(nomination));
    }

    private static ScreenedNomination ToView(Nomination n) => new(
        n.Id, n.CategoryId, n.NomineeId, n.NomineeName, n.NomineeOrganisation, n.NomineeDistrict, n.NomineeContact, n.Citation,
        n.NominatorName, n.NominatorEmail, n.NominatorRelationship, n.Status, n.ScreeningReason, n.SubmittedAt);
}
