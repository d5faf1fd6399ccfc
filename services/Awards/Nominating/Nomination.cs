namespace Platform.Awards.Nominating;

public enum NominationStatus
{
    /// <summary>Not yet screened by staff.</summary>
    Received,
    Eligible,
    Ineligible,
    /// <summary>A duplicate staff folded into another nominee: its citation is judged with that nominee's.</summary>
    Merged,
    /// <summary>Withdrawn by the nominator through the manage link while nominations were open.</summary>
    Withdrawn,
}

/// <summary>
/// One nomination as the public or a partner sent it. Several nominations of the same person in a category share a
/// <see cref="Nominee"/>, who is judged once with all their citations.
/// </summary>
public sealed class Nomination
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ProgrammeId { get; init; }
    public Guid CategoryId { get; init; }
    public Guid NomineeId { get; set; }

    // The nominee as this nominator described them.
    public required string NomineeName { get; init; }
    public string? NomineeOrganisation { get; init; }
    public string? NomineeDistrict { get; init; }
    public string? NomineeContact { get; init; }

    public required string Citation { get; init; }

    public required string NominatorName { get; init; }
    public required string NominatorEmail { get; init; }
    public required string NominatorRelationship { get; init; }
    public bool Consent { get; init; }

    public required byte[] ManageTokenHash { get; init; }
    public DateTimeOffset ManageTokenExpiresAt { get; init; }

    public NominationStatus Status { get; set; }
    public string? ScreeningReason { get; set; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? ScreenedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>Counts towards the nominee being judged, and its citation is shown to judges.</summary>
    public bool IsJudged => Status is NominationStatus.Eligible or NominationStatus.Merged;
}
