using Platform.Events.Infrastructure;
using Platform.Events.Registrations;

namespace Platform.Events.Delegates;

public sealed record DelegateChoice(Guid SessionId, string Title, ChoiceStatus Status);

/// <summary>
/// A registration as organisers list it: the check-in list. The check-in code is here so the desk can find a delegate
/// who lost theirs; the photography consent so the desk can give a lanyard for those who said no.
/// </summary>
public sealed record DelegateRow(
    Guid Id, string Name, string Email, string Organisation, Sector Sector, string Role, RegistrationStatus Status,
    string CheckInCode, DateTimeOffset RegisteredAt, bool EmailConfirmed, DateTimeOffset? CheckedInAt,
    DateTimeOffset? CancelledAt, string? CancellationReason, IReadOnlyList<DelegateChoice> Choices,
    bool ConsentToPhotography, IReadOnlyList<AccessNeed> AccessNeedKinds, string AccessibilityNeeds,
    IReadOnlyList<DietaryRequirement> DietaryRequirementKinds, string DietaryNeeds);

/// <summary>One delegate's place on a workshop's list; <see cref="WaitlistPosition"/> is 1 for the next to be offered a place.</summary>
public sealed record WorkshopDelegate(
    Guid RegistrationId, string Name, string Email, string Organisation, ChoiceStatus Status, DateTimeOffset QueuedAt,
    DateTimeOffset? OfferExpiresAt, int? WaitlistPosition);

public static class DelegateViews
{
    public static DelegateRow ToRow(this Registration r, IReadOnlyList<DelegateChoice> choices) => new(
        r.Id, r.Name, r.Email, r.Organisation, r.Sector, r.Role, r.Status, r.CheckInCode, r.CreatedAt.ToLondon(),
        r.EmailConfirmedAt is not null, r.CheckedInAt?.ToLondon(), r.CancelledAt?.ToLondon(), r.CancellationReason, choices,
        r.ConsentToPhotography, r.AccessNeedKinds, r.AccessibilityNeeds, r.DietaryRequirementKinds, r.DietaryNeeds);
}
