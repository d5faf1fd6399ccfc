using Platform.Events.Catalogue;

namespace Platform.Events.Registrations;

/// <summary>The rule a set of workshop choices broke: a stable name for clients and a sentence for people.</summary>
public sealed record ChoiceRuleViolation(string Rule, string Detail);

/// <summary>
/// An event's choice rules: how many workshops a delegate picks (min..max), only the event's workshops, each once,
/// and never two that overlap in time. Checked on registration and on every change of choices.
/// </summary>
public static class ChoiceRules
{
    public static ChoiceRuleViolation? Check(PartnershipEvent e, IReadOnlyList<Guid> choices)
    {
        var duplicate = choices.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            return new("choices-duplicate", $"Workshop {duplicate.Key} is chosen more than once.");

        var workshops = e.Sessions.Where(s => s.IsChoosable).ToDictionary(s => s.Id);
        var unknown = choices.FirstOrDefault(id => !workshops.ContainsKey(id));
        if (unknown != Guid.Empty || choices.Contains(Guid.Empty))
            return new("choices-unknown-workshop", $"{unknown} is not a workshop of this event.");

        if (choices.Count < e.MinWorkshops)
            return new("choices-too-few", $"Choose at least {e.MinWorkshops} workshop(s); {choices.Count} chosen.");
        if (choices.Count > e.MaxWorkshops)
            return new("choices-too-many", $"Choose at most {e.MaxWorkshops} workshop(s); {choices.Count} chosen.");

        var chosen = choices.Select(id => workshops[id]).OrderBy(s => s.StartsAt).ToList();
        for (var i = 1; i < chosen.Count; i++)
        {
            // Against every earlier choice, not only the previous one: a long workshop can overlap two short ones.
            var clash = chosen.Take(i).FirstOrDefault(earlier => earlier.EndsAt > chosen[i].StartsAt);
            if (clash is not null)
                return new("choices-same-time-slot", $"'{clash.Title}' and '{chosen[i].Title}' run at the same time; choose one.");
        }
        return null;
    }
}
