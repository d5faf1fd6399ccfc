using System.Text.RegularExpressions;
using Platform.Awards.Infrastructure;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Text;

namespace Platform.Awards.Categories;

public sealed record CriterionRequest(string? Key, string? Name, int? Weight);

/// <summary>Add a category to a programme, with its judging rubric.</summary>
public sealed partial record CategoryRequest(string? Name, [MultiLineText] string? Eligibility, int? CitationWordLimit, IReadOnlyList<CriterionRequest>? Rubric)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        Text.Required(errors, "name", Name, Limits.Name);
        Text.Required(errors, "eligibility", Eligibility, Limits.LongText);
        errors.AddIf(CitationWordLimit is null or < 10 or > Limits.MaxWordLimit, "citationWordLimit",
            $"The citation word limit is required, between 10 and {Limits.MaxWordLimit}.");
        var rubric = Rubric ?? [];
        errors.AddIf(rubric.Count is 0 or > Limits.MaxCriteria, "rubric", $"The rubric needs 1 to {Limits.MaxCriteria} criteria.");
        for (var i = 0; i < rubric.Count; i++)
        {
            var c = rubric[i];
            errors.AddIf(c.Key is null || !CriterionKey().IsMatch(c.Key), $"rubric[{i}].key",
                $"A criterion key is 1 to {Limits.CriterionKey} lower-case letters, digits or hyphens.");
            Text.Required(errors, $"rubric[{i}].name", c.Name, Limits.Name);
            errors.AddIf(c.Weight is null or < 1 or > 100, $"rubric[{i}].weight", "A criterion's weight is required, between 1 and 100.");
        }
        errors.AddIf(rubric.Where(c => c.Key is not null).GroupBy(c => c.Key).Any(g => g.Count() > 1), "rubric", "Criterion keys must be unique.");
        return errors;
    }

    public AwardCategory ToCategory(Guid programmeId) => new()
    {
        ProgrammeId = programmeId,
        Name = Name!.Trim(),
        Eligibility = Eligibility!.Trim(),
        CitationWordLimit = CitationWordLimit!.Value,
        Rubric = Rubric!.Select(c => new Criterion { Key = c.Key!, Name = c.Name!.Trim(), Weight = c.Weight!.Value }).ToList(),
    };

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex CriterionKey();
}
