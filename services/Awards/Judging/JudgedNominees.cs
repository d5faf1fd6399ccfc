using Platform.Awards.Infrastructure;
using Platform.Awards.Nominating;

namespace Platform.Awards.Judging;

/// <summary>The nominees that go before the panel: those with at least one nomination screened eligible.</summary>
public static class JudgedNominees
{
    public static IQueryable<Nominee> OfCategory(AwardsDbContext db, Guid categoryId) =>
        db.Nominees.Where(n => n.CategoryId == categoryId
            && db.Nominations.Any(x => x.NomineeId == n.Id && x.Status == NominationStatus.Eligible));
}
