using Platform.Awards.Categories;
using Platform.ServiceDefaults.Problems;

namespace Platform.Awards.Judging;

/// <summary>A judge's scores for a nominee: one 1–5 score for every criterion in the category's rubric, keyed by criterion key.</summary>
public sealed record ScoreRequest(IReadOnlyDictionary<string, int>? Scores)
{
    public const int Lowest = 1;
    public const int Highest = 5;

    public ValidationErrors Validate(IReadOnlyList<Criterion> rubric)
    {
        var errors = new ValidationErrors();
        var scores = Scores ?? new Dictionary<string, int>();
        foreach (var (key, score) in scores)
        {
            if (rubric.All(c => c.Key != key)) errors.Add($"scores.{key}", $"'{key}' is not a criterion of this category's rubric.");
            else errors.AddIf(score is < Lowest or > Highest, $"scores.{key}", $"A score is from {Lowest} to {Highest}.");
        }
        foreach (var missing in rubric.Where(c => !scores.ContainsKey(c.Key)))
            errors.Add($"scores.{missing.Key}", $"'{missing.Name}' must be scored.");
        return errors;
    }

    public static decimal Weighted(IReadOnlyList<Criterion> rubric, IReadOnlyDictionary<string, int> scores) =>
        (decimal)rubric.Sum(c => c.Weight * scores[c.Key]) / rubric.Sum(c => c.Weight);
}
