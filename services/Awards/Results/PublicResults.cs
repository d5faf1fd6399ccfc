using Microsoft.EntityFrameworkCore;
using Platform.Awards.Infrastructure;

namespace Platform.Awards.Results;

public sealed record WinnerView(Guid CategoryId, string CategoryName, Guid NomineeId, string NomineeName, string? NomineeOrganisation, string? District, string Citation);

/// <summary>
/// The public results page. Before the embargo lifts it says "not yet announced" and lists nothing — the same answer,
/// built by the same query, whether or not winners have been confirmed.
/// </summary>
public sealed record ProgrammeResults(Guid ProgrammeId, int Year, string Title, bool Announced, DateTimeOffset? AnnouncedAt, IReadOnlyList<WinnerView> Winners);

/// <summary>The queries behind the results: the public page's (<see cref="PublicResultsApi"/>) and staff's.</summary>
public static class PublicResults
{
    /// <summary>Winners visible to anyone: empty until the programme's AnnouncedAt is set.</summary>
    public static IQueryable<WinnerView> AnnouncedWinnersQuery(AwardsDbContext db, Guid programmeId) =>
        WinnersQuery(db, programmeId, announcedOnly: true);

    /// <summary>Confirmed winners; regardless of the embargo unless <paramref name="announcedOnly"/> (staff and the announcement only).</summary>
    public static IQueryable<WinnerView> WinnersQuery(AwardsDbContext db, Guid programmeId, Guid? categoryId = null, bool announcedOnly = false) =>
        from c in db.Categories
        where c.ProgrammeId == programmeId && c.WinnerNomineeId != null
            && (categoryId == null || c.Id == categoryId)
            && (!announcedOnly || db.Programmes.Any(p => p.Id == programmeId && p.AnnouncedAt != null))
        join n in db.Nominees on c.WinnerNomineeId equals n.Id
        orderby c.Name
        select new WinnerView(c.Id, c.Name, n.Id, n.Name, n.Organisation, n.District,
            // The citation shown is the first eligible one; every citation was read by the judges.
            db.Nominations.Where(x => x.NomineeId == n.Id && x.Status == Nominating.NominationStatus.Eligible)
                .OrderBy(x => x.SubmittedAt).Select(x => x.Citation).First());
}
