namespace Platform.Web.Events;

// The JSON the Events API answers, as the site reads it (camelCase enums through ApiJson). Declared here, never
// shared with the service: the site is a client like any other.

public enum EventKind { Conference, TrainingDay, WorkshopDay }

public enum SessionKind { Keynote, Workshop, LightningTalk, ExhibitionStand, QuestionsAndAnswers, AwardsPresentation, Break }

public enum Sector { Police, FireAndRescue, Council, Health, Education, Voluntary, Faith, Business, Community, Other }

public enum RegistrationStatus { Confirmed, Cancelled }

public enum ChoiceStatus { Confirmed, Waitlisted, Offered, Declined, Expired, Withdrawn, SessionWithdrawn }

public sealed record DistrictList(IReadOnlyList<string> Districts);

public sealed record Venue(string Name, string Address, string Postcode, string District, string AccessInformation = "", string TravelAndParking = "");

public enum AudienceKind { Public, Restricted, InvitationOnly }

public sealed record Audience(AudienceKind Kind, IReadOnlyList<string> AllowedDomains, bool HasInvitationCode);

/// <summary>A speaker who consented to be named on the programme (the API shows no others).</summary>
public sealed record Speaker(Guid Id, string Name, string Role, string Organisation, string Biography, IReadOnlyList<Guid> SessionIds);

public sealed record EventSummary(
    Guid Id, string Title, string Summary, EventKind Kind, Venue Venue,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, int PlacesLeft);

public sealed record ChoiceRules(int MinWorkshops, int MaxWorkshops);

public sealed record Facilitator(string Name, string Organisation);

public sealed record Session(
    Guid Id, string Title, string Description, SessionKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string Room, IReadOnlyList<Facilitator> Facilitators, int? Capacity, int? PlacesLeft)
{
    public bool IsWorkshop => Kind == SessionKind.Workshop;
}

public sealed record EventDetail(
    Guid Id, string Title, string Summary, EventKind Kind, Venue Venue, string Organiser,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    DateTimeOffset RegistrationOpensAt, DateTimeOffset RegistrationClosesAt,
    int Capacity, int PlacesLeft, ChoiceRules ChoiceRules,
    IReadOnlyList<Session> Programme, Audience? Audience = null, IReadOnlyList<Speaker>? Speakers = null)
{
    public IEnumerable<Session> Workshops => Programme.Where(s => s.IsWorkshop);

    public bool TakesRegistrations(DateTimeOffset now) => now >= RegistrationOpensAt && now < RegistrationClosesAt;
}

public sealed record Choice(
    Guid SessionId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, ChoiceStatus Status, DateTimeOffset? OfferExpiresAt);

public sealed record Registration(
    Guid Id, Guid EventId, string EventTitle, string Name, string Email, string Organisation, Sector Sector, string Role,
    string AccessibilityNeeds, string DietaryNeeds, bool ConsentToDelegateList, RegistrationStatus Status,
    string CheckInCode, DateTimeOffset ManageTokenExpiresAt, IReadOnlyList<Choice> Choices,
    bool EmailConfirmed, DateTimeOffset? ConfirmByAt);

/// <summary>The API's answer to a registration: never the manage token, which goes only to the email address.</summary>
public sealed record RegistrationCreated(Registration Registration, bool Replayed);

/// <summary>What the site sends to register (the API's RegistrationRequest).</summary>
public sealed record RegistrationRequest(
    string? Name, string? Email, string? Organisation, Sector? Sector, string? Role,
    string? AccessibilityNeeds, string? DietaryNeeds, bool ConsentToDelegateList, IReadOnlyList<Guid> Choices);

public sealed record ChangeChoicesRequest(IReadOnlyList<Guid> Choices);
