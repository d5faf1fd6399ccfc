using Microsoft.EntityFrameworkCore;
using Platform.Awards.Infrastructure;
using Platform.Awards.Judging;

namespace Platform.Awards.Screening;

/// <summary>
/// What follows a nomination merged into the nominee it duplicates. A declared conflict is about the person, so every
/// conflict with the duplicate is declared with the kept nominee too (a judge who knows them must not see them again
/// under the other spelling). Scores follow once the duplicate has no nomination left (it is no longer judged): each
/// judge's scorecard moves to the kept nominee, unless that judge has scored the kept nominee already (scores are final,
/// so theirs stands and the other stays with the emptied duplicate, uncounted).
/// </summary>
public static class NomineeMerge
{
    /// <summary>Adds the carried rows to <paramref name="db"/>; the caller saves them with the nomination's move.</summary>
    public static async Task CarryJudgingAsync(AwardsDbContext db, Guid fromNomineeId, Guid intoNomineeId, Guid movingNominationId, CancellationToken ct)
    {
        var kept = await db.Conflicts.Where(c => c.NomineeId == intoNomineeId).Select(c => c.Subject).ToListAsync(ct);
        foreach (var conflict in await db.Conflicts.AsNoTracking().Where(c => c.NomineeId == fromNomineeId).ToListAsync(ct))
        {
            if (kept.Contains(conflict.Subject)) continue;
            db.Conflicts.Add(new ConflictDeclaration
            {
                NomineeId = intoNomineeId, Subject = conflict.Subject, CategoryId = conflict.CategoryId,
                Reason = conflict.Reason, DeclaredAt = conflict.DeclaredAt,
            });
        }

        var emptied = !await db.Nominations.AnyAsync(n => n.NomineeId == fromNomineeId && n.Id != movingNominationId, ct);
        if (!emptied) return;
        var scoredKept = await db.Scorecards.Where(s => s.NomineeId == intoNomineeId).Select(s => s.Subject).ToListAsync(ct);
        foreach (var card in await db.Scorecards.Where(s => s.NomineeId == fromNomineeId).ToListAsync(ct))
        {
            if (scoredKept.Contains(card.Subject)) continue;
            db.Scorecards.Remove(card);
            db.Scorecards.Add(new Scorecard
            {
                NomineeId = intoNomineeId, Subject = card.Subject, CategoryId = card.CategoryId,
                Scores = new Dictionary<string, int>(card.Scores), WeightedScore = card.WeightedScore, SubmittedAt = card.SubmittedAt,
            });
        }
    }
}
