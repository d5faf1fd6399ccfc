namespace Platform.Awards.Results;

public sealed record RankedNominee(
    int? Rank, bool Tied, Guid NomineeId, string Name, decimal? MeanScore, int JudgesCounted, int ScoresExcludedForConflict, bool Finalist);

/// <summary>
/// Ranks a category's nominees by the mean of their non-conflicted judges' weighted scores. Equal means share a rank
/// and are flagged as ties (1, 2, 2, 4): breaking a tie is staff's decision, not the arithmetic's. Nominees nobody
/// could score come last, unranked.
/// </summary>
public static class Ranking
{
    public sealed record Card(Guid NomineeId, string Subject, decimal WeightedScore);

    public sealed record Candidate(Guid NomineeId, string Name, bool Finalist);

    /// <summary>Means are compared at this many decimal places, so 3.3333… from two routes is the same score.</summary>
    public const int Precision = 4;

    public static List<RankedNominee> Rank(IEnumerable<Candidate> nominees, IReadOnlyCollection<Card> cards, IReadOnlySet<(Guid NomineeId, string Subject)> conflicts)
    {
        var rows = nominees.Select(n =>
        {
            var own = cards.Where(c => c.NomineeId == n.NomineeId).ToList();
            var counted = own.Where(c => !conflicts.Contains((c.NomineeId, c.Subject))).ToList();
            decimal? mean = counted.Count == 0 ? null : Math.Round(counted.Average(c => c.WeightedScore), Precision, MidpointRounding.AwayFromZero);
            return (Nominee: n, Mean: mean, Counted: counted.Count, Excluded: own.Count - counted.Count);
        }).OrderByDescending(r => r.Mean.HasValue).ThenByDescending(r => r.Mean).ThenBy(r => r.Nominee.Name, StringComparer.Ordinal).ToList();

        return rows.Select(r => new RankedNominee(
            r.Mean is { } m ? 1 + rows.Count(o => o.Mean > m) : null,
            r.Mean is { } t && rows.Count(o => o.Mean == t) > 1,
            r.Nominee.NomineeId, r.Nominee.Name, r.Mean, r.Counted, r.Excluded, r.Nominee.Finalist)).ToList();
    }
}
