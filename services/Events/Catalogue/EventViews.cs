using Platform.Events.Audiences;
using Platform.Events.Infrastructure;
using Platform.Events.Speakers;

namespace Platform.Events.Catalogue;

public sealed record VenueView(string Name, string Address, string Postcode, string District, string AccessInformation, string TravelAndParking);

/// <summary>Who may register; the invitation code itself is never shown (organisers set it and hand it out).</summary>
public sealed record AudienceView(Audience Kind, IReadOnlyList<string> AllowedDomains, bool HasInvitationCode);

/// <summary>Times carry the Europe/London offset: the same instants as stored, shown as the office reads them.</summary>
public sealed record EventSummary(
    Guid Id, string Title, string Summary, EventKind Kind, VenueView Venue,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, EventStatus Status, int PlacesLeft, Audience Audience, Guid? OrganisationId);

public sealed record ChoiceRulesView(int MinWorkshops, int MaxWorkshops);

public sealed record FacilitatorView(string Name, string Organisation);

public sealed record SessionView(
    Guid Id, string Title, string Description, SessionKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string Room, IReadOnlyList<FacilitatorView> Facilitators, int? Capacity, int? PlacesLeft);

public sealed record EventDetail(
    Guid Id, string Title, string Summary, EventKind Kind, VenueView Venue, string Organiser,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    DateTimeOffset RegistrationOpensAt, DateTimeOffset RegistrationClosesAt,
    int Capacity, int PlacesLeft, ChoiceRulesView ChoiceRules, EventStatus Status,
    IReadOnlyList<SessionView> Programme, AudienceView Audience, Guid? OrganisationId, IReadOnlyList<SpeakerView> Speakers,
    bool WaitlistWhenFull, bool SendAlerts);

public static class EventViews
{
    public static VenueView ToView(this Venue v) => new(v.Name, v.Address, v.Postcode, v.District, v.AccessInformation, v.TravelAndParking);

    public static AudienceView ToAudienceView(this PartnershipEvent e) =>
        new(e.Audience, e.AllowedDomains, !string.IsNullOrEmpty(e.InvitationCode));

    public static EventSummary ToSummary(this PartnershipEvent e) => new(
        e.Id, e.Title, e.Summary, e.Kind, e.Venue.ToView(), e.StartsAt.ToLondon(), e.EndsAt.ToLondon(), e.Status,
        Math.Max(0, e.Capacity - e.PlacesTaken), e.Audience, e.OrganisationId);

    public static SessionView ToView(this Session s) => new(
        s.Id, s.Title, s.Description, s.Kind, s.StartsAt.ToLondon(), s.EndsAt.ToLondon(), s.Room,
        s.Facilitators.Select(f => new FacilitatorView(f.Name, f.Organisation)).ToList(),
        s.Capacity, s.Capacity is { } c ? Math.Max(0, c - s.PlacesTaken) : null);

    public static EventDetail ToDetail(this PartnershipEvent e) => new(
        e.Id, e.Title, e.Summary, e.Kind, e.Venue.ToView(), e.Organiser,
        e.StartsAt.ToLondon(), e.EndsAt.ToLondon(), e.RegistrationOpensAt.ToLondon(), e.RegistrationClosesAt.ToLondon(),
        e.Capacity, Math.Max(0, e.Capacity - e.PlacesTaken), new ChoiceRulesView(e.MinWorkshops, e.MaxWorkshops), e.Status,
        e.Sessions.Where(s => s.WithdrawnAt is null).OrderBy(s => s.StartsAt).ThenBy(s => s.Title).Select(s => s.ToView()).ToList(),
        e.ToAudienceView(), e.OrganisationId,
        // Only speakers who consented are ever shown with the event; organisers list the rest at .../speakers.
        e.Speakers.Where(s => s.ConsentToPublish).OrderBy(s => s.Name).ThenBy(s => s.Id).Select(SpeakerView.Of).ToList(),
        e.WaitlistWhenFull, e.SendAlerts);
}
