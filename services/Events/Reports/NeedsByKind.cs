using Platform.Events.Registrations;
using Platform.ServiceDefaults.Serialization;

namespace Platform.Events.Reports;

/// <summary>
/// How many delegates named each kind of access need and dietary requirement, every kind listed (zeros too, so the
/// venue sees what it need not plan for), and how many wrote something in the free text the venue reads as well.
/// </summary>
public sealed record NeedsReport(
    IReadOnlyList<CountBy> AccessNeeds, int WithAccessNotes, IReadOnlyList<CountBy> DietaryRequirements, int WithDietaryNotes);

public static class NeedsByKind
{
    public static NeedsReport Count(IReadOnlyCollection<Registration> active) => new(
        Enum.GetValues<AccessNeed>().Select(k => new CountBy(EnumSpelling.Of(k), active.Count(r => r.AccessNeedKinds.Contains(k)))).ToList(),
        active.Count(r => r.AccessibilityNeeds.Length > 0),
        Enum.GetValues<DietaryRequirement>().Select(k => new CountBy(EnumSpelling.Of(k), active.Count(r => r.DietaryRequirementKinds.Contains(k)))).ToList(),
        active.Count(r => r.DietaryNeeds.Length > 0));
}
