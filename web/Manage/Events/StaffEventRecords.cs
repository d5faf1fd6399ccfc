using Platform.Web.Events;

namespace Platform.Web.Manage.Events;

// The JSON the Events API answers staff, as the back office reads it (the public records are in Web/Events).

public enum EventStatus { Draft, Published, Closed, Cancelled }

public sealed record StaffEventSummary(
    Guid Id, string Title, string Summary, EventKind Kind, Venue Venue, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    EventStatus Status, int PlacesLeft);

/// <summary>An event in any status, with its programme (GET /api/events/{id} answers staff for drafts too).</summary>
public sealed record StaffEvent(
    Guid Id, string Title, string Summary, EventKind Kind, Venue Venue, string Organiser,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset RegistrationOpensAt, DateTimeOffset RegistrationClosesAt,
    int Capacity, int PlacesLeft, ChoiceRules ChoiceRules, EventStatus Status, IReadOnlyList<Session> Programme,
    bool SendAlerts = true, Audience? Audience = null, Guid? OrganisationId = null)
{
    public IEnumerable<Session> Workshops => Programme.Where(s => s.IsWorkshop);

    /// <summary>Closed and cancelled events keep their details and programme as they were.</summary>
    public bool IsEditable => Status is EventStatus.Draft or EventStatus.Published;
}

public sealed record VenueRequest(
    string? Name, string? Address, string? Postcode, string? District, string? AccessInformation = null, string? TravelAndParking = null);

/// <summary>Who may register; null on an event's request leaves the audience as it was.</summary>
public sealed record AudienceRequest(AudienceKind Kind, IReadOnlyList<string> AllowedDomains, string? InvitationCode);

public sealed record EventRequest(
    string? Title, string? Summary, EventKind? Kind, VenueRequest Venue, string? Organiser,
    DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, DateTimeOffset? RegistrationOpensAt, DateTimeOffset? RegistrationClosesAt,
    int? Capacity, int? MinWorkshops, int? MaxWorkshops, bool? SendAlerts = null, AudienceRequest? Audience = null);

public sealed record FacilitatorRequest(string? Name, string? Organisation);

public sealed record SessionRequest(
    string? Title, string? Description, SessionKind? Kind, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Room,
    IReadOnlyList<FacilitatorRequest> Facilitators, int? Capacity);

public sealed record DelegateChoice(Guid SessionId, string Title, ChoiceStatus Status);

public sealed record DelegateRow(
    Guid Id, string Name, string Email, string Organisation, Sector Sector, string Role, RegistrationStatus Status,
    string CheckInCode, DateTimeOffset RegisteredAt, bool EmailConfirmed, DateTimeOffset? CheckedInAt,
    DateTimeOffset? CancelledAt, string? CancellationReason, IReadOnlyList<DelegateChoice> Choices);

public sealed record WorkshopDelegate(
    Guid RegistrationId, string Name, string Email, string Organisation, ChoiceStatus Status, DateTimeOffset QueuedAt,
    DateTimeOffset? OfferExpiresAt, int? WaitlistPosition);

public sealed record StaffCancellationRequest(string? Reason);

public sealed record CheckInRequest(string? Code);

public sealed record CheckInResult(Guid RegistrationId, string Name, string Organisation, DateTimeOffset CheckedInAt, bool AlreadyCheckedIn);

public sealed record CountBy(string Key, int Count);

public sealed record WorkshopFill(Guid SessionId, string Title, int Capacity, int PlacesTaken, int Confirmed, int Offered, int Waitlisted);

public sealed record RegistrationDay(DateOnly Date, int Registered, int Cancelled, int Total);

public sealed record RegistrationReport(
    Guid EventId, string Title, int Capacity, int Registered, int Cancelled, int CheckedIn,
    IReadOnlyList<CountBy> BySector, IReadOnlyList<CountBy> ByOrganisation, IReadOnlyList<WorkshopFill> Workshops,
    IReadOnlyList<RegistrationDay> ByDay, NeedsReport? Needs = null);

/// <summary>Access needs and dietary requirements counted by kind (every kind, zeros too), and how many wrote notes.</summary>
public sealed record NeedsReport(IReadOnlyList<CountBy> AccessNeeds, int WithAccessNotes, IReadOnlyList<CountBy> DietaryRequirements, int WithDietaryNotes);

public sealed record SessionAttendance(Guid SessionId, string Title, int? Capacity, int Confirmed, int Offered, int Waitlisted, int Attended);

public sealed record AttendanceFigures(Guid EventId, int Capacity, int Registered, int Cancelled, int CheckedIn, IReadOnlyList<SessionAttendance> Sessions);
