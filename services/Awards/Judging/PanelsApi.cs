using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Infrastructure;
using Platform.Data;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;

namespace Platform.Awards.Judging;

/// <param name="Subject">The judge's gateway user id (<c>GET /gateway/accounts/me</c> → id), a staff or organisation user.</param>
public sealed record JudgeRequest(string? Subject, string? Name);

public sealed record PanelJudgeView(string Subject, string Name, DateTimeOffset AddedAt);

public enum NomineeProgress
{
    Pending,
    Scored,
    Conflicted,
}

public sealed record JudgeNomineeProgress(Guid NomineeId, string NomineeName, NomineeProgress Status);

public sealed record JudgeProgress(string Subject, string Name, int Scored, int Conflicted, int Pending, IReadOnlyList<JudgeNomineeProgress> Nominees);

/// <summary>Staff build each category's panel and follow who has scored what.</summary>
public static class PanelsApi
{
    public static IEndpointRouteBuilder MapPanelsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/awards/categories/{categoryId:guid}").WithTags("Panels").RequireAuthorization(PlatformPolicies.Staff)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesAuthorizationFailures();
        group.MapPost("/judges", AddJudgeAsync).WithName("AddJudge").WithSummary("Add a judge (staff or invited partner user) to the category's panel");
        group.MapGet("/judges", async Task<Ok<Paged<PanelJudgeView>>> (Guid categoryId, AwardsDbContext db, PageRequest paging, CancellationToken ct) =>
            TypedResults.Ok(await db.PanelJudges.AsNoTracking().Where(j => j.CategoryId == categoryId).OrderBy(j => j.AddedAt).ThenBy(j => j.Subject)
                .Select(j => new PanelJudgeView(j.Subject, j.Name, j.AddedAt)).ToPagedAsync(paging, ct))).WithName("ListJudges").WithSummary("The category's panel");
        group.MapGet("/progress", ProgressAsync).WithName("GetJudgingProgress").WithSummary("Per judge: which nominees they have scored, declared a conflict on, or still have to score");
        return routes;
    }

    private static async Task<Results<Created<PanelJudgeView>, ValidationProblem, ProblemHttpResult>> AddJudgeAsync(
        Guid categoryId, JudgeRequest request, AwardsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        Text.Required(errors, "subject", request.Subject, 100);
        Text.Required(errors, "name", request.Name, Limits.Name);
        if (errors.Any) return errors.ToProblem();
        if (!await db.Categories.AnyAsync(c => c.Id == categoryId, ct)) return RuleProblem.NotFound($"Category {categoryId}");

        var judge = new PanelJudge { CategoryId = categoryId, Subject = request.Subject!.Trim(), Name = request.Name!.Trim(), AddedAt = time.GetUtcNow() };
        db.PanelJudges.Add(judge);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return RuleProblem.Conflict("already-on-panel", "That judge is already on the panel.");
        }
        return TypedResults.Created($"/api/awards/categories/{categoryId}/judges", new PanelJudgeView(judge.Subject, judge.Name, judge.AddedAt));
    }

    private static async Task<Results<Ok<Paged<JudgeProgress>>, ProblemHttpResult>> ProgressAsync(
        Guid categoryId, ClaimsPrincipal user, AwardsDbContext db, TimeProvider time, PageRequest paging, CancellationToken ct)
    {
        if (!await db.Categories.AnyAsync(c => c.Id == categoryId, ct)) return RuleProblem.NotFound($"Category {categoryId}");
        if (await JudgingSecrecy.CheckAsync(db, categoryId, user, time, ct) is { } judging) return RuleProblem.Create(StatusCodes.Status403Forbidden, JudgingSecrecy.Rule, judging);
        // A page of judges, each with every nominee: a panel is small, the nominees of a category fewer than a page's worth of work.
        var judges = await db.PanelJudges.AsNoTracking().Where(j => j.CategoryId == categoryId).OrderBy(j => j.AddedAt).ThenBy(j => j.Subject)
            .ToPagedAsync(paging, ct);
        var nominees = await JudgedNominees.OfCategory(db, categoryId).OrderBy(n => n.CreatedAt).Select(n => new { n.Id, n.Name }).ToListAsync(ct);
        var scored = await db.Scorecards.AsNoTracking().Where(s => s.CategoryId == categoryId).Select(s => new { s.NomineeId, s.Subject }).ToListAsync(ct);
        var conflicts = await db.Conflicts.AsNoTracking().Where(c => c.CategoryId == categoryId).Select(c => new { c.NomineeId, c.Subject }).ToListAsync(ct);

        return TypedResults.Ok(judges.Select(j =>
        {
            var rows = nominees.Select(n => new JudgeNomineeProgress(n.Id, n.Name,
                conflicts.Any(c => c.NomineeId == n.Id && c.Subject == j.Subject) ? NomineeProgress.Conflicted
                : scored.Any(s => s.NomineeId == n.Id && s.Subject == j.Subject) ? NomineeProgress.Scored
                : NomineeProgress.Pending)).ToList();
            return new JudgeProgress(j.Subject, j.Name, rows.Count(r => r.Status == NomineeProgress.Scored),
                rows.Count(r => r.Status == NomineeProgress.Conflicted), rows.Count(r => r.Status == NomineeProgress.Pending), rows);
        }));
    }
}
