using Platform.ServiceDefaults.Problems;

namespace Platform.Volunteers.Infrastructure;

/// <summary>Skills are matched case-insensitively, so they are stored trimmed, lower-case and without repeats.</summary>
public static class SkillList
{
    public static List<string> Normalise(ValidationErrors errors, string field, IReadOnlyList<string>? skills)
    {
        var list = (skills ?? []).Select(s => (s ?? "").Trim().ToLowerInvariant()).ToList();
        errors.AddIf(list.Count > Limits.Skills, field, $"At most {Limits.Skills} skills.");
        errors.AddIf(list.Any(s => s.Length is 0 or > Limits.Skill), field, $"Each skill must be 1 to {Limits.Skill} characters.");
        return list.Distinct(StringComparer.Ordinal).ToList();
    }
}
