using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Platform.Awards.Categories;
using Platform.Awards.Infrastructure;
using Platform.Awards.Nominating;
using Platform.Awards.Programmes;
using Platform.Data;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;

namespace Platform.Awards.Judging;

/// <summary>
/// What a judge does: see their panels and the nominees before them, declare conflicts, score. A nominee a judge is
/// conflicted with is answered as not found, exactly like one that does not exist.
/// </summary>
public static class JudgingApi
{
    public static IEndpointRouteBuilder MapJudgingApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/awards/judging").WithTags("Judging").RequireAuthorization(AwardsPolicies.Judge)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesAuthorizationFailures();
        group.MapGet("/panels", PanelsAsync).WithName("ListOwnPanels").WithSummary("The panels the caller sits on");
        group.MapGet("/categories/{categoryId:guid}/nominees", NomineesAsync).WithName("ListNomineesToJudge").WithSummary("The nominees before the caller, without those they are conflicted with");
        group.MapPost("/nominees/{nomineeId:guid}/conflict", DeclareConflictAsync).WithName("DeclareConflict").WithSummary("Declare a conflict of interest with a nominee");
        group.MapPost("/nominees/{nomineeId:guid}/scores", ScoreAsync).WithName("ScoreNominee").WithSummary("Score a nominee against the rubric (once, within the judging window)");
        return routes;
    }

    private static async Task<Ok<Paged<JudgePanelView>>> PanelsAsync(ClaimsPrincipal user, AwardsDbContext db, PageRequest paging, CancellationToken ct)
    {
        var subject = user.JudgeSubject();
        var panels = await db.PanelJudges.AsNoTracking().Where(j => j.Subject == subject)
            .Join(db.Categories, j => j.CategoryId, c => c.Id, (j, c) => c)
            .Join(db.Programmes, c => c.ProgrammeId, p => p.Id, (c, p) => new { Category = c, Programme = p })
            .ToListAsync(ct);
        // The panels one judge sits on are few: paged in memory, in the order a judge reads them.
        return TypedResults.Ok(Paged<JudgePanelView>.Of(panels.OrderBy(x => x.Programme.Year).ThenBy(x => x.Category.Name).ThenBy(x => x.Category.Id)
            .Select(x => new JudgePanelView(
                x.Category.Id, x.Category.Name, x.Programme.Id, x.Programme.Title, x.Programme.JudgingOpens, x.Programme.JudgingCloses,
                x.Programme.BlindJudging, x.Category.ToView().Rubric)).ToList(), paging));
    }

    private static async Task<Results<Ok<Paged<JudgeNomineeView>>, ProblemHttpResult>> NomineesAsync(
        Guid categoryId, ClaimsPrincipal user, AwardsDbContext db, PageRequest paging, CancellationToken ct)
    {
        var subject = user.JudgeSubject();
        if (!await db.PanelJudges.AnyAsync(j => j.CategoryId == categoryId && j.Subject == subject, ct)) return NotOnPanel();
        var blind = await db.Categories.Where(c => c.Id == categoryId).Join(db.Programmes, c => c.ProgrammeId, p => p.Id, (c, p) => p.BlindJudging).FirstAsync(ct);

        var nominees = await JudgedNominees.OfCategory(db, categoryId).AsNoTracking()
            .Where(n => !db.Conflicts.Any(c => c.NomineeId == n.Id && c.Subject == subject))
            .OrderBy(n => n.Id).ToPagedAsync(paging, ct);
        var ids = nominees.Items.Select(n => n.Id).ToList();
        var citations = await db.Nominations.AsNoTracking().Where(n => ids.Contains(n.NomineeId) && (n.Status == NominationStatus.Eligible || n.Status == NominationStatus.Merged))
            .OrderBy(n => n.SubmittedAt).ToListAsync(ct);
        var mine = await db.Scorecards.AsNoTracking().Where(s => s.Subject == subject && ids.Contains(s.NomineeId)).ToDictionaryAsync(s => s.NomineeId, ct);

        // Blind numbering runs on across pages, so a nominee keeps its number whichever page it is read on.
        return TypedResults.Ok(new Paged<JudgeNomineeView>(nominees.Items.Select((n, i) => new JudgeNomineeView(
            n.Id, blind ? $"Nominee {paging.Offset + i + 1}" : n.Name,
            blind ? null : n.Name, blind ? null : n.Organisation, blind ? null : n.District,
            citations.Where(c => c.NomineeId == n.Id).Select(c => new CitationView(c.Citation, c.NominatorRelationship, blind ? null : c.NominatorName)).ToList(),
            mine.TryGetValue(n.Id, out var card) ? card.Scores : null)).ToList(), nominees.Page, nominees.PageSize, nominees.Total));
    }

    private static async Task<Results<Created, ValidationProblem, ProblemHttpResult>> DeclareConflictAsync(
        Guid nomineeId, ConflictRequest request, ClaimsPrincipal user, AwardsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        Text.Required(errors, "reason", request.Reason, Limits.LongText);
        if (errors.Any) return errors.ToProblem();
        var subject = user.JudgeSubject();
        var nominee = await NomineeBeforeJudgeAsync(db, nomineeId, subject, ct);
        if (nominee is null) return NotOnPanel();

        db.Conflicts.Add(new ConflictDeclaration
        {
            NomineeId = nomineeId, Subject = subject, CategoryId = nominee.CategoryId, Reason = request.Reason!.Trim(), DeclaredAt = time.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return NotOnPanel();
        }
        return TypedResults.Created();
    }

    private static async Task<Results<Created<JudgeNomineeScore>, ValidationProblem, ProblemHttpResult>> ScoreAsync(
        Guid nomineeId, ScoreRequest request, ClaimsPrincipal user, AwardsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var subject = user.JudgeSubject();
        var nominee = await db.Nominees.AsNoTracking().FirstOrDefaultAsync(n => n.Id == nomineeId, ct);
        if (nominee is null || !await db.PanelJudges.AnyAsync(j => j.CategoryId == nominee.CategoryId && j.Subject == subject, ct)
            || !await JudgedNominees.OfCategory(db, nominee.CategoryId).AnyAsync(n => n.Id == nomineeId, ct))
            return NotOnPanel();
        if (await db.Conflicts.AnyAsync(c => c.NomineeId == nomineeId && c.Subject == subject, ct))
            return RuleProblem.Conflict("conflict-of-interest", "You declared a conflict of interest with this nominee, so you cannot score them.");

        var category = await db.Categories.AsNoTracking().FirstAsync(c => c.Id == nominee.CategoryId, ct);
        var programme = await db.Programmes.AsNoTracking().FirstAsync(p => p.Id == category.ProgrammeId, ct);
        var now = time.GetUtcNow();
        if (!programme.JudgingOpenAt(now))
            return RuleProblem.Conflict("judging-window", $"Scores are accepted from {programme.JudgingOpens:u} to {programme.JudgingCloses:u}.");
        var errors = request.Validate(category.Rubric);
        if (errors.Any) return errors.ToProblem();

        var card = new Scorecard
        {
            NomineeId = nomineeId,
            Subject = subject,
            CategoryId = category.Id,
            Scores = request.Scores!.ToDictionary(),
            WeightedScore = ScoreRequest.Weighted(category.Rubric, request.Scores!),
            SubmittedAt = now,
        };
        db.Scorecards.Add(card);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return RuleProblem.Conflict("already-scored", "You have already scored this nominee; scores are final.");
        }
        return TypedResults.Created($"/api/awards/judging/categories/{category.Id}/nominees", new JudgeNomineeScore(nomineeId, card.Scores, card.WeightedScore));
    }

    /// <summary>The nominee, if the judge sits on its panel, it is before the panel, and the judge is not conflicted with it.</summary>
    private static async Task<Nominee?> NomineeBeforeJudgeAsync(AwardsDbContext db, Guid nomineeId, string subject, CancellationToken ct)
    {
        var nominee = await db.Nominees.AsNoTracking().FirstOrDefaultAsync(n => n.Id == nomineeId, ct);
        if (nominee is null) return null;
        var visible = await db.PanelJudges.AnyAsync(j => j.CategoryId == nominee.CategoryId && j.Subject == subject, ct)
            && await JudgedNominees.OfCategory(db, nominee.CategoryId).AnyAsync(n => n.Id == nomineeId, ct)
            && !await db.Conflicts.AnyAsync(c => c.NomineeId == nomineeId && c.Subject == subject, ct);
        return visible ? nominee : null;
    }

    private static ProblemHttpResult NotOnPanel() =>
        RuleProblem.NotFound("The nominee or panel");
}

public sealed record JudgeNomineeScore(Guid NomineeId, IReadOnlyDictionary<string, int> Scores, decimal WeightedScore);
