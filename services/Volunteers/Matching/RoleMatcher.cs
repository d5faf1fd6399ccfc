using Microsoft.EntityFrameworkCore;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Roles;

namespace Platform.Volunteers.Matching;

/// <summary>Who we are matching: an applicant's or volunteer's skills, district and availability.</summary>
public sealed record MatchProfile(IReadOnlyList<string> Skills, string District, IReadOnlyList<Availability> Availability, int? Age, Guid? ExcludeRoleId);

public sealed record RoleMatch(RoleSummary Role, int Score, IReadOnlyList<string> Because);

/// <summary>
/// Open public roles that fit a person, best first. Each shared skill scores 3, the same district 2 (a remote role
/// counts as anywhere), overlapping availability 2 (Flexible overlaps everything). A role with nothing in common is
/// not a match; one the person is too young for is left out.
/// </summary>
public sealed class RoleMatcher(VolunteersDbContext db, TimeProvider time)
{
    public const int MaxResults = 10;
    private const int MaxCandidates = 500;

    public async Task<List<RoleMatch>> MatchAsync(MatchProfile who, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var skills = who.Skills.ToList();
        var district = who.District;
        var candidates = await (from r in RoleSearchApi.Visible(db, today).AsNoTracking()
                                join o in db.Organisations on r.OrganisationId equals o.Id
                                where r.Id != who.ExcludeRoleId && r.PlacesFilled < r.Places
                                      && (r.Remote || r.District == district || r.Skills.Any(s => skills.Contains(s)))
                                      && (who.Age == null || r.MinimumAge <= who.Age)
                                orderby r.ClosesOn
                                select new { Role = r, OrganisationName = o.Name })
            .Take(MaxCandidates).ToListAsync(ct);

        return candidates
            .Select(c => Score(c.Role, c.OrganisationName, who))
            .Where(m => m.Score > 0)
            .OrderByDescending(m => m.Score).ThenBy(m => m.Role.ClosesOn ?? DateOnly.MaxValue).ThenBy(m => m.Role.Id)
            .Take(MaxResults).ToList();
    }

    public static RoleMatch Score(VolunteerRole r, string organisationName, MatchProfile who)
    {
        var because = new List<string>();
        var shared = r.Skills.Intersect(who.Skills, StringComparer.OrdinalIgnoreCase).ToList();
        var score = 3 * shared.Count;
        if (shared.Count > 0) because.Add($"skills: {string.Join(", ", shared)}");
        if (string.Equals(r.District, who.District, StringComparison.OrdinalIgnoreCase)) { score += 2; because.Add($"in {r.District}"); }
        else if (r.Remote) { score += 2; because.Add("remote"); }
        var flexible = r.Availability.Count == 0 || r.Availability.Contains(Availability.Flexible) || who.Availability.Contains(Availability.Flexible);
        if (flexible || r.Availability.Intersect(who.Availability).Any()) { score += 2; because.Add("fits your availability"); }
        var summary = new RoleSummary(r.Id, r.OrganisationId, organisationName, r.Title, r.Category, r.District, r.Remote, r.Skills,
            r.TimeCommitment, r.BackgroundCheck, r.Places - r.PlacesFilled, r.ClosesOn, r.Status);
        // Availability alone is not a match: it fits most roles.
        return new RoleMatch(summary, shared.Count == 0 && because.Count <= 1 ? 0 : score, because);
    }
}
