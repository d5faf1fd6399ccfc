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
    bool EmailConfirmed, DateTimeOffset? ConfirmByAt, bool ConsentToPhotography = false,
    IReadOnlyList<AccessNeed>? AccessNeedKinds = null, IReadOnlyList<DietaryRequirement>? DietaryRequirementKinds = null,
    DateTimeOffset? CheckedInAt = null);

/// <summary>
/// The API's answer to a registration, read as one record whichever it was: 201 (or 200, a replay) with the
/// registration, never the manage token, which goes only to the email address; or 202 from a full event that keeps a
/// waitlist, with the visitor's <see cref="Position"/> in its queue and no registration yet.
/// </summary>
public sealed record RegistrationAnswer(Registration? Registration, bool Replayed, int? Position, string? Email)
{
    public bool Waitlisted => Registration is null && Position is not null;
}

/// <summary>The access needs Events counts by kind (its fixed list); anything else goes in the free text.</summary>
public enum AccessNeed { StepFreeAccess, WheelchairSpace, HearingLoop, SignLanguageInterpreter, LargePrint, QuietSpace, AssistanceDog, Other }

/// <summary>The dietary requirements Events counts by kind (its fixed list); details go in the free text.</summary>
public enum DietaryRequirement { Vegetarian, Vegan, Halal, Kosher, GlutenFree, DairyFree, NutAllergy, Other }

/// <summary>What the site sends to register (the API's RegistrationRequest).</summary>
public sealed record RegistrationRequest(
    string? Name, string? Email, string? Organisation, Sector? Sector, string? Role,
    string? AccessibilityNeeds, string? DietaryNeeds, bool ConsentToDelegateList, IReadOnlyList<Guid> Choices,
    bool ConsentToPhotography, IReadOnlyList<AccessNeed> AccessNeedKinds, IReadOnlyList<DietaryRequirement> DietaryRequirementKinds,
    string? InvitationCode);

public sealed record ChangeChoicesRequest(IReadOnlyList<Guid> Choices);

public enum QuestionStatus { Pending, Approved, Rejected }

/// <summary>A question the delegate asked the panel, as they see it.</summary>
public sealed record PanelQuestion(Guid Id, string Text, QuestionStatus Status, DateTimeOffset AskedAt);

public sealed record AskQuestionRequest(string Text);

public sealed record SessionRating(Guid SessionId, int Rating);

/// <summary>The feedback a checked-in delegate gave (Events' FeedbackView).</summary>
public sealed record Feedback(IReadOnlyList<SessionRating> Ratings, string Comments, DateTimeOffset SubmittedAt);

public sealed record FeedbackRequest(IReadOnlyList<SessionRating> Ratings, string Comments);

/// <summary>A training day's certificate of attendance; <see cref="VerifyPath"/> is the site's public check page for its code.</summary>
public sealed record Certificate(
    string Code, string Name, string Organisation, Guid EventId, string EventTitle, EventKind Kind, string Organiser, string Venue,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset CheckedInAt, DateTimeOffset IssuedAt, string VerifyPath);

/// <summary>One delegate on the delegate list (those who agreed to be listed).</summary>
public sealed record ListedDelegate(string Name, string Organisation, Sector Sector);

public sealed record DelegateListConsentRequest(bool Consent);
