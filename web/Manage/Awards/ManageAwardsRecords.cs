namespace Platform.Web.Manage.Awards;

// The Awards service's staff and judging JSON as the back office reads and writes it (services/Awards: Programmes,
// Screening, Judging, Results, Ceremonies). Enums stay camelCase strings, as on the public pages (web/Awards).

public sealed record Criterion(string Key, string Name, int Weight);

public sealed record StaffCategory(Guid Id, string Name, string Eligibility, int CitationWordLimit, IReadOnlyList<Criterion> Rubric);

public sealed record StaffCeremony(Guid EventId, string Title, string VenueName, DateTimeOffset StartsAt, bool Cancelled);

public sealed record StaffProgramme(
    Guid Id, int Year, string Title, DateTimeOffset NominationsOpen, DateTimeOffset NominationsClose, DateTimeOffset JudgingOpens,
    DateTimeOffset JudgingCloses, StaffCeremony? Ceremony, bool BlindJudging, bool ResultsAnnounced, IReadOnlyList<StaffCategory> Categories,
    bool NominationsOpenNow);

public sealed record CeremonyEvent(Guid Id, string Title, string VenueName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool Cancelled);

public sealed record ProgrammeBody(int? Year, string? Title, DateTimeOffset? NominationsOpen, DateTimeOffset? NominationsClose,
    DateTimeOffset? JudgingOpens, DateTimeOffset? JudgingCloses, Guid? CeremonyEventId, bool BlindJudging);

public sealed record CriterionBody(string? Key, string? Name, int? Weight);

public sealed record CategoryBody(string? Name, string? Eligibility, int? CitationWordLimit, IReadOnlyList<CriterionBody> Rubric);

public sealed record ScreenedNomination(
    Guid Id, Guid CategoryId, Guid NomineeId, string NomineeName, string? NomineeOrganisation, string? NomineeDistrict, string? NomineeContact,
    string Citation, string NominatorName, string NominatorEmail, string NominatorRelationship, string Status, string? ScreeningReason,
    DateTimeOffset SubmittedAt);

/// <summary>A nominee with every nomination grouped under them: duplicates the key caught show as one nominee.</summary>
public sealed record NomineeGroup(Guid Id, Guid CategoryId, string Name, string? Organisation, string? District, string? ContactEmail,
    bool Judged, bool Finalist, IReadOnlyList<ScreenedNomination> Nominations);

public sealed record ScreeningBody(string? Outcome, string? Reason, Guid? MergeIntoNomineeId);

public sealed record PanelJudge(string Subject, string Name, DateTimeOffset AddedAt);

public sealed record JudgeBody(string? Subject, string? Name);

public sealed record JudgeNomineeProgress(Guid NomineeId, string NomineeName, string Status);

public sealed record JudgeProgress(string Subject, string Name, int Scored, int Conflicted, int Pending, IReadOnlyList<JudgeNomineeProgress> Nominees);

public sealed record RankedNominee(int? Rank, bool Tied, Guid NomineeId, string Name, decimal? MeanScore, int JudgesCounted, int ScoresExcludedForConflict, bool Finalist);

public sealed record ShortlistBody(IReadOnlyList<Guid> NomineeIds);

public sealed record WinnerBody(Guid? NomineeId);

public sealed record ConfirmedWinner(Guid CategoryId, string CategoryName, Guid NomineeId, string NomineeName, string? NomineeOrganisation, string? District, string Citation);

public sealed record EmbargoedResults(Guid ProgrammeId, bool Announced, DateTimeOffset? AnnouncedAt, DateTimeOffset? CeremonyAt, IReadOnlyList<ConfirmedWinner> Winners);

/// <summary>A panel the signed-in judge sits on, with its rubric and whether judging is blind.</summary>
public sealed record JudgePanel(Guid CategoryId, string CategoryName, Guid ProgrammeId, string ProgrammeTitle, DateTimeOffset JudgingOpens,
    DateTimeOffset JudgingCloses, bool BlindJudging, IReadOnlyList<Criterion> Rubric);

public sealed record JudgeCitation(string Text, string Relationship, string? NominatorName);

/// <summary>A nominee as the judge sees them: in blind judging only a label and the citations.</summary>
public sealed record JudgeNominee(Guid NomineeId, string Label, string? Name, string? Organisation, string? District,
    IReadOnlyList<JudgeCitation> Citations, IReadOnlyDictionary<string, int>? MyScores);

public sealed record ConflictBody(string? Reason);

public sealed record ScoreBody(IReadOnlyDictionary<string, int> Scores);
