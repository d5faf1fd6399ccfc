namespace Platform.Awards.Nominating;

/// <summary>
/// What a nominator sees through their manage link. It says whether the nomination stands or was withdrawn and
/// nothing of screening, shortlisting or winning: a winner's nominator sees exactly what any other nominator sees.
/// </summary>
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

public static class NominationViewMapping
{
    public static NominationReceipt ToReceipt(this Nomination n, string programmeTitle, string categoryName, DateTimeOffset withdrawBefore) => new(
        n.Id, n.ProgrammeId, programmeTitle, n.CategoryId, categoryName, n.NomineeName, n.NomineeOrganisation, n.NomineeDistrict,
        n.Citation, n.NominatorName, n.NominatorRelationship, n.SubmittedAt, n.Status == NominationStatus.Withdrawn, withdrawBefore);
}
