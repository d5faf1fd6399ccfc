namespace Platform.Contracts.Awards;

/// <summary>
/// A member of the public or a partner nominated someone. <see cref="ManageToken"/> is the only copy of the manage
/// link's secret outside the nominator's mailbox (Awards keeps its hash); Notifications sends the acknowledgement.
/// </summary>
public sealed record NominationReceived(
    Guid NominationId,
    Guid ProgrammeId,
    string ProgrammeName,
    string CategoryName,
    string NomineeName,
    string NominatorName,
    string NominatorEmail,
    [property: LinkSecret] string ManageToken,
    DateTimeOffset WithdrawBefore) : IntegrationEvent;

/// <summary>Someone who nominated a finalist, to be told the nominee is on the shortlist.</summary>
public sealed record FinalistNominator(string Name, string Email);

/// <summary>One nominee on a confirmed shortlist, with everyone who should hear of it.</summary>
public sealed record Finalist(
    Guid NomineeId,
    string NomineeName,
    string? NomineeOrganisation,
    string? NomineeContactEmail,
    IReadOnlyList<FinalistNominator> Nominators);

/// <summary>
/// Staff confirmed a category's shortlist. Says nothing about who will win: winners stay under embargo until
/// <see cref="WinnersAnnounced"/>.
/// </summary>
public sealed record FinalistsConfirmed(
    Guid ProgrammeId,
    string ProgrammeName,
    Guid CategoryId,
    string CategoryName,
    DateTimeOffset? CeremonyAt,
    string? CeremonyVenue,
    IReadOnlyList<Finalist> Finalists) : IntegrationEvent;
