using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;

namespace Platform.Events.Registrations;

public sealed record ChoiceView(
    Guid SessionId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, ChoiceStatus Status, DateTimeOffset? OfferExpiresAt);

public sealed record RegistrationView(
    Guid Id, Guid EventId, string EventTitle, string Name, string Email, string Organisation, Sector Sector, string Role,
    string AccessibilityNeeds, string DietaryNeeds, bool ConsentToDelegateList, RegistrationStatus Status,
    string CheckInCode, DateTimeOffset ManageTokenExpiresAt, IReadOnlyList<ChoiceView> Choices,
    bool EmailConfirmed, DateTimeOffset? ConfirmByAt, bool ConsentToPhotography,
    IReadOnlyList<AccessNeed> AccessNeedKinds, IReadOnlyList<DietaryRequirement> DietaryRequirementKinds,
    // When the desk checked the delegate in: the manage link's pages offer feedback and a certificate from then on.
    DateTimeOffset? CheckedInAt = null);

/// <summary>
/// The answer to a registration. It never carries the manage token: that goes only to the email address, and opening
/// it is what confirms the address (until then the places are held until <see cref="RegistrationView.ConfirmByAt"/>).
/// </summary>
public sealed record RegistrationCreated(RegistrationView Registration, bool Replayed);

public static class RegistrationViews
{
    public static RegistrationView ToView(this Registration r, PartnershipEvent e)
    {
        var sessions = e.Sessions.ToDictionary(s => s.Id);
        return new(r.Id, r.EventId, e.Title, r.Name, r.Email, r.Organisation, r.Sector, r.Role, r.AccessibilityNeeds,
            r.DietaryNeeds, r.ConsentToDelegateList, r.Status, r.CheckInCode, r.ManageTokenExpiresAt.ToLondon(),
            r.Choices
                .Where(c => c.IsActive)
                .Select(c => (Choice: c, Session: sessions[c.SessionId]))
                .OrderBy(x => x.Session.StartsAt)
                .Select(x => new ChoiceView(x.Session.Id, x.Session.Title, x.Session.StartsAt.ToLondon(), x.Session.EndsAt.ToLondon(),
                    x.Choice.Status, x.Choice.OfferExpiresAt?.ToLondon()))
                .ToList(),
            r.EmailConfirmedAt is not null, r.Status == RegistrationStatus.Confirmed ? r.HoldExpiresAt?.ToLondon() : null,
            r.ConsentToPhotography, r.AccessNeedKinds, r.DietaryRequirementKinds, r.CheckedInAt?.ToLondon());
    }
}
