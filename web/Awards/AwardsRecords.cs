namespace Platform.Web.Awards;

// The Awards service's JSON as the pages read and write it (services/Awards: Programmes, Nominating, Results).
// Declared here because the site is a client like any other, with no reference to the service's code.

public sealed record Ceremony(Guid EventId, string Title, string VenueName, DateTimeOffset StartsAt, bool Cancelled);

public sealed record Category(Guid Id, string Name, string Eligibility, int CitationWordLimit);

/// <summary>A year's programme as anyone may see it: windows, ceremony, categories; nothing of shortlists or winners.</summary>
public sealed record Programme(
    Guid Id,
    int Year,
    string Title,
    DateTimeOffset NominationsOpen,
    DateTimeOffset NominationsClose,
    DateTimeOffset JudgingOpens,
    DateTimeOffset JudgingCloses,
    Ceremony? Ceremony,
    bool ResultsAnnounced,
    IReadOnlyList<Category> Categories,
    bool NominationsOpenNow);

public sealed record Winner(Guid CategoryId, string CategoryName, string NomineeName, string? NomineeOrganisation, string? District, string Citation);

/// <summary>The public results: empty winners until the embargo lifts.</summary>
public sealed record ProgrammeResults(Guid ProgrammeId, int Year, string Title, bool Announced, DateTimeOffset? AnnouncedAt, IReadOnlyList<Winner> Winners);

/// <summary>What the nominator sees through the manage link.</summary>
public sealed record NominationReceipt(
    Guid Id,
    Guid ProgrammeId,
    string ProgrammeTitle,
    Guid CategoryId,
    string CategoryName,
    string NomineeName,
    string? NomineeOrganisation,
    string? NomineeDistrict,
    string Citation,
    string NominatorName,
    string NominatorRelationship,
    DateTimeOffset SubmittedAt,
    bool Withdrawn,
    DateTimeOffset WithdrawBefore);

public sealed record NominationCreated(NominationReceipt Nomination, string ManageToken);

public sealed record NomineeBody(string? Name, string? Organisation, string? District, string? ContactEmail);

public sealed record NominatorBody(string? Name, string? Email, string? Relationship);

public sealed record NominationBody(Guid? CategoryId, NomineeBody Nominee, string? Citation, NominatorBody Nominator, bool Consent);

public sealed record DistrictList(IReadOnlyList<string> Districts);
