using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Infrastructure;
using Platform.ServiceDefaults.Identity;

namespace Platform.Awards.Judging;

/// <summary>
/// A member of staff who sits on any panel of a programme judges alongside the others: until the programme's judging
/// closes they see neither its ranking nor its judging progress (either would tell them how the others scored), and
/// they do not screen its nominees (deciding who goes before the panel they sit on). Other staff are not affected.
/// </summary>
public static class JudgingSecrecy
{
    public const string Rule = "judge-while-judging";

    /// <summary>Why the caller may not see it yet (they judge in the programme and judging is open), or null.</summary>
    public static async Task<string?> CheckAsync(
        AwardsDbContext db, Guid categoryId, ClaimsPrincipal user, TimeProvider time, CancellationToken ct)
    {
        var subject = user.GetSubject();
        if (subject is null) return null;
        var now = time.GetUtcNow();
        var programme = await db.Categories.AsNoTracking().Where(c => c.Id == categoryId)
            .Join(db.Programmes, c => c.ProgrammeId, p => p.Id, (c, p) => new { p.Id, p.JudgingCloses })
            .FirstOrDefaultAsync(ct);
        if (programme is null || now >= programme.JudgingCloses) return null;
        var judges = await db.PanelJudges.AnyAsync(j => j.Subject == subject
            && db.Categories.Any(c => c.Id == j.CategoryId && c.ProgrammeId == programme.Id), ct);
        return judges
            ? $"You judge in this programme: its ranking, judging progress and screening are closed to you until judging closes at {programme.JudgingCloses:u}."
            : null;
    }
}
