using Platform.Web.Events;

namespace Platform.Web.Manage.Events;

// The JSON of Events' conference APIs (invitations, speakers, pitches and stands, questions, feedback) as the back
// office reads and sends it.

public sealed record InvitationRequest(string? Name, string? Email);

public sealed record InvitationView(Guid Id, string Name, string Email, DateTimeOffset CreatedAt, bool Registered);

/// <summary>Answered once: the API keeps only the code's hash, so the organiser hands the link over now.</summary>
public sealed record InvitationIssued(InvitationView Invitation, string InvitationCode, string RegistrationLink);

public sealed record SpeakerRequest(string? Name, string? Role, string? Organisation, string? Biography, bool ConsentToPublish, IReadOnlyList<Guid> SessionIds);

public sealed record SpeakerView(Guid Id, string Name, string Role, string Organisation, string Biography, bool ConsentToPublish, IReadOnlyList<Guid> SessionIds);

public enum ContributionKind { LightningTalk, ExhibitionStand }

public enum ContributionStatus { Submitted, Accepted, Declined }

public sealed record CallRequest(ContributionKind Kind, DateTimeOffset? ClosesAt);

public sealed record CallView(ContributionKind Kind, DateTimeOffset ClosesAt, bool Open);

public sealed record ContributionView(
    Guid Id, Guid EventId, ContributionKind Kind, string Title, string Summary, string Organisation, string ContactName,
    string ContactEmail, ContributionStatus Status, int? RunningOrder, DateTimeOffset? SlotStartsAt, DateTimeOffset? SlotEndsAt,
    string? Allocation, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt);

public sealed record AcceptContributionRequest(int? RunningOrder, DateTimeOffset? SlotStartsAt, DateTimeOffset? SlotEndsAt, string? Allocation);

public enum QuestionStatus { Pending, Approved, Rejected }

public sealed record QuestionView(Guid Id, string Text, QuestionStatus Status, DateTimeOffset AskedAt);

public sealed record ModeratedQuestionView(
    Guid Id, string Text, QuestionStatus Status, DateTimeOffset AskedAt, DateTimeOffset? ModeratedAt, string AskedBy, string Organisation);

public sealed record ChairQuestionView(int Number, Guid Id, string Text, string AskedBy, string Organisation);

public sealed record SessionFeedback(Guid SessionId, string Title, DateTimeOffset StartsAt, int Ratings, double? Average, IReadOnlyList<int> ByRating);

public sealed record FeedbackFigures(Guid EventId, int CheckedIn, int Responses, IReadOnlyList<SessionFeedback> Sessions);
