using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Infrastructure;
using Platform.ServiceDefaults.Secrets;

namespace Platform.Awards.Nominating;

/// <summary>
/// What a nominator does with the link from their acknowledgement: view the nomination, withdraw it while
/// nominations are open. The token is the only credential; every answer is the same whatever became of the nominee.
/// </summary>
public static class ManageNominationApi
{
    public static IEndpointRouteBuilder MapManageNominationApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/awards/nominations/{token}").WithTags("Manage nomination")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", GetAsync).WithName("GetNomination").WithSummary("The nomination the manage link belongs to");
        group.MapDelete("/", WithdrawAsync).WithName("WithdrawNomination").WithSummary("Withdraw the nomination (only while nominations are open)");
        return routes;
    }

    private static async Task<Results<Ok<NominationReceipt>, ProblemHttpResult>> GetAsync(
        string token, AwardsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var found = await FindAsync(token, db, time, tracked: false, ct);
        return found is null ? UnknownLink() : TypedResults.Ok(found.Value.Receipt);
    }

    private static async Task<Results<Ok<NominationReceipt>, ProblemHttpResult>> WithdrawAsync(
        string token, AwardsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var found = await FindAsync(token, db, time, tracked: true, ct);
        if (found is not { } f) return UnknownLink();
        if (f.Nomination.Status == NominationStatus.Withdrawn)
            return RuleProblem.Conflict("already-withdrawn", "The nomination was already withdrawn.");
        var now = time.GetUtcNow();
        if (now >= f.Receipt.WithdrawBefore)
            return RuleProblem.Conflict("nomination-window", "Nominations have closed; the nomination can no longer be withdrawn.");

        f.Nomination.Status = NominationStatus.Withdrawn;
        f.Nomination.WithdrawnAt = now;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(f.Receipt with { Withdrawn = true });
    }

    private static async Task<(Nomination Nomination, NominationReceipt Receipt)?> FindAsync(
        string token, AwardsDbContext db, TimeProvider time, bool tracked, CancellationToken ct)
    {
        if (!BearerSecret.LooksValid(token)) return null;
        var hash = BearerSecret.Hash(token);
        var query = tracked ? db.Nominations : db.Nominations.AsNoTracking();
        var nomination = await query.FirstOrDefaultAsync(n => n.ManageTokenHash == hash, ct);
        if (nomination is null || nomination.ManageTokenExpiresAt <= time.GetUtcNow()) return null;
        var names = await db.Categories.AsNoTracking().Where(c => c.Id == nomination.CategoryId)
            .Join(db.Programmes, c => c.ProgrammeId, p => p.Id, (c, p) => new { Category = c.Name, Programme = p.Title, p.NominationsClose })
            .FirstAsync(ct);
        return (nomination, nomination.ToReceipt(names.Programme, names.Category, names.NominationsClose));
    }

    /// <summary>One answer for unknown and expired links, so the response says nothing about which tokens exist.</summary>
    private static ProblemHttpResult UnknownLink() =>
        RuleProblem.Create(StatusCodes.Status404NotFound, "manage-link", "This manage link is unknown or has expired.");
}
