namespace Platform.Contracts.Awards;

/// <summary>One category's winner as presented at the ceremony.</summary>
public sealed record AwardWinner(
    Guid CategoryId,
    string CategoryName,
    string NomineeName,
    string? NomineeOrganisation,
    string? District,
    string Citation);

/// <summary>
/// The embargo on a programme's winners lifted (at the ceremony time, or by staff at the moment of presentation).
/// Published exactly once per programme; Notifications tells subscribers of the awards topic.
/// </summary>
public sealed record WinnersAnnounced(
    Guid ProgrammeId,
    int Year,
    string ProgrammeName,
    DateTimeOffset AnnouncedAt,
    IReadOnlyList<AwardWinner> Winners,
    string ResultsUrl) : IntegrationEvent;
