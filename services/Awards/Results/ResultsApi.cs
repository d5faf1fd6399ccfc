using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Infrastructure;
using Platform.Awards.Judging;
using Platform.Contracts.Awards;
using Platform.Data;
using Platform.Messaging;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;

namespace Platform.Awards.Results;

/// <summary>Staff: the ranking, the shortlist (finalists told), winners (embargoed) and lifting the embargo by hand.</summary>
public static class ResultsApi
{
    public static IEndpointRouteBuilder MapResultsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/awards").WithTags("Shortlist and winners").RequireAuthorization(PlatformPolicies.Staff)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesAuthorizationFailures();
        group.MapGet("/categories/{categoryId:guid}/ranking", RankingAsync).WithName("GetRanking").WithSummary("Nominees by the weighted mean of non-conflicted judges; ties shown as ties");
        group.MapPost("/categories/{categoryId:guid}/shortlist", ShortlistAsync).WithName("ConfirmShortlist").WithSummary("Confirm the shortlist; finalists are told");
        group.MapPost("/categories/{categoryId:guid}/winner", WinnerAsync).WithName("ConfirmWinner").WithSummary("Confirm the winner (kept under embargo until the ceremony)");
        group.MapGet("/programmes/{programmeId:guid}/winners", WinnersAsync).WithName("GetWinners").WithSummary("Confirmed winners and the embargo's state");
        group.MapPost("/programmes/{programmeId:guid}/announce", AnnounceAsync).WithName("AnnounceWinners").WithSummary("Lift the embargo now, at the moment of presentation");
        return routes;
    }

    private static async Task<Results<Ok<Paged<RankedNominee>>, ProblemHttpResult>> RankingAsync(
        Guid categoryId, ClaimsPrincipal user, AwardsDbContext db, TimeProvider time, PageRequest paging, CancellationToken ct)
    {
        if (!await db.Categories.AnyAsync(c => c.Id == categoryId, ct)) return RuleProblem.NotFound($"Category {categoryId}");
        if (await JudgingSecrecy.CheckAsync(db, categoryId, user, time, ct) is { } judging) return RuleProblem.Create(StatusCodes.Status403Forbidden, JudgingSecrecy.Rule, judging);
        var nominees = await JudgedNominees.OfCategory(db, categoryId).AsNoTracking()
            .Select(n => new Ranking.Candidate(n.Id, n.Name, n.IsFinalist)).ToListAsync(ct);
        var cards = await db.Scorecards.AsNoTracking().Where(s => s.CategoryId == categoryId)
            .Select(s => new Ranking.Card(s.NomineeId, s.Subject, s.WeightedScore)).ToListAsync(ct);
        var conflicts = (await db.Conflicts.AsNoTracking().Where(c => c.CategoryId == categoryId).Select(c => new { c.NomineeId, c.Subject }).ToListAsync(ct))
            .Select(c => (c.NomineeId, c.Subject)).ToHashSet();
        // Ranked over the whole category, then paged: a rank means the same on every page.
        return TypedResults.Ok(Paged<RankedNominee>.Of(Ranking.Rank(nominees, cards, conflicts), paging));
    }

    private static async Task<Results<Ok<ShortlistView>, ValidationProblem, ProblemHttpResult>> ShortlistAsync(
        Guid categoryId, ShortlistRequest request, AwardsDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, CancellationToken ct)
    {
        var ids = request.NomineeIds ?? [];
        if (ids.Count is 0 or > 20 || ids.Distinct().Count() != ids.Count)
            return ValidationErrors.For("nomineeIds", "A shortlist is 1 to 20 different nominees.");
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null) return RuleProblem.NotFound($"Category {categoryId}");
        var programme = await db.Programmes.AsNoTracking().FirstAsync(p => p.Id == category.ProgrammeId, ct);
        var now = time.GetUtcNow();
        if (now < programme.JudgingCloses)
            return RuleProblem.Conflict("judging-open", "The shortlist is confirmed once judging has closed and the ranking is final.");
        if (category.ShortlistConfirmedAt is not null)
            return RuleProblem.Conflict("shortlist-confirmed", "The shortlist is already confirmed; finalists have been told.");

        var finalists = await JudgedNominees.OfCategory(db, categoryId).Where(n => ids.Contains(n.Id)).ToListAsync(ct);
        if (finalists.Count != ids.Count)
            return ValidationErrors.For("nomineeIds", "Every finalist must be a nominee judged in this category.");

        category.ShortlistConfirmedAt = now;
        foreach (var n in finalists) n.IsFinalist = true;
        var nominators = await db.Nominations.AsNoTracking()
            .Where(x => ids.Contains(x.NomineeId) && (x.Status == Nominating.NominationStatus.Eligible || x.Status == Nominating.NominationStatus.Merged))
            .Select(x => new { x.NomineeId, x.NominatorName, x.NominatorEmail }).ToListAsync(ct);
        var ceremony = await db.CeremonyEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == programme.CeremonyEventId, ct);
        outbox.Add(new FinalistsConfirmed(programme.Id, programme.Title, category.Id, category.Name, ceremony?.StartsAt, ceremony?.VenueName,
            finalists.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new Finalist(f.Id, f.Name, f.Organisation, f.ContactEmail,
                nominators.Where(x => x.NomineeId == f.Id).Select(x => new FinalistNominator(x.NominatorName, x.NominatorEmail)).ToList())).ToList())
        { OccurredAt = now });

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RuleProblem.Conflict("shortlist-confirmed", "The shortlist was confirmed by someone else at the same moment.");
        }
        return TypedResults.Ok(new ShortlistView(categoryId, now, finalists.Select(f => f.Id).ToList()));
    }

    private static async Task<Results<Ok<WinnerView>, ValidationProblem, ProblemHttpResult>> WinnerAsync(
        Guid categoryId, WinnerRequest request, AwardsDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (request.NomineeId is null) return ValidationErrors.For("nomineeId", "The winning nominee is required.");
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null) return RuleProblem.NotFound($"Category {categoryId}");
        if (category.ShortlistConfirmedAt is null)
            return RuleProblem.Conflict("shortlist-not-confirmed", "Confirm the shortlist before the winner.");
        if (!await db.Nominees.AnyAsync(n => n.Id == request.NomineeId && n.CategoryId == categoryId && n.IsFinalist, ct))
            return ValidationErrors.For("nomineeId", "The winner must be one of the category's finalists.");
        if (await db.Programmes.AnyAsync(p => p.Id == category.ProgrammeId && p.AnnouncedAt != null, ct))
            return RuleProblem.Conflict("results-announced", "The results have been announced; the winner can no longer change.");

        // Until the announcement staff may change their mind; the announcement reads whatever stands then.
        category.WinnerNomineeId = request.NomineeId;
        category.WinnerConfirmedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await PublicResults.WinnersQuery(db, category.ProgrammeId, categoryId).FirstAsync(ct));
    }

    private static async Task<Results<Ok<EmbargoedResults>, ProblemHttpResult>> WinnersAsync(Guid programmeId, AwardsDbContext db, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId, ct);
        if (programme is null) return RuleProblem.NotFound($"Programme {programmeId}");
        var ceremony = await db.CeremonyEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == programme.CeremonyEventId, ct);
        var winners = await PublicResults.WinnersQuery(db, programmeId).ToListAsync(ct);
        return TypedResults.Ok(new EmbargoedResults(programmeId, programme.AnnouncedAt is not null, programme.AnnouncedAt, ceremony?.StartsAt, winners));
    }

    private static async Task<Results<Ok<EmbargoedResults>, ProblemHttpResult>> AnnounceAsync(
        Guid programmeId, AwardsDbContext db, WinnersAnnouncement announcement, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId, ct);
        if (programme is null) return RuleProblem.NotFound($"Programme {programmeId}");
        if (programme.AnnouncedAt is not null) return RuleProblem.Conflict("already-announced", "The winners have already been announced.");
        if (!await announcement.TryAnnounceAsync(programmeId, byHand: true, ct))
            return await db.Programmes.AnyAsync(p => p.Id == programmeId && p.AnnouncedAt != null, ct)
                ? RuleProblem.Conflict("already-announced", "The winners have already been announced.")
                : RuleProblem.Conflict("no-winners", "No winner has been confirmed yet.");
        return await WinnersAsync(programmeId, db, ct);
    }
}
