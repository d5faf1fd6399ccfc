namespace Platform.Events.Contributions;

/// <summary>
/// A partner's offer to an event: a two-minute lightning talk (a pitch) or an exhibition stand. Made by an
/// organisation's user or its partner key; staff accept it (with a running order and slot, or a stand's allocation)
/// or decline it, and accepted ones appear in the event's public line-up under the organisation's name.
/// </summary>
public sealed class Contribution
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EventId { get; init; }
    public ContributionKind Kind { get; init; }

    /// <summary>The caller's organisation (from the gateway's token): one pitch and one stand per organisation and event.</summary>
    public Guid OrganisationId { get; init; }

    /// <summary>The user or key that submitted it (the token's subject), for the record.</summary>
    public required string SubmittedBy { get; init; }

    public required string Title { get; init; }
    public string Summary { get; init; } = "";

    /// <summary>The organisation's name as it should be shown in the programme.</summary>
    public required string Organisation { get; init; }
    public required string ContactName { get; init; }
    public required string ContactEmail { get; init; }

    public ContributionStatus Status { get; set; } = ContributionStatus.Submitted;

    /// <summary>A lightning talk's place among the event's talks (1 first); unique per event among accepted talks.</summary>
    public int? RunningOrder { get; set; }
    public DateTimeOffset? SlotStartsAt { get; set; }
    public DateTimeOffset? SlotEndsAt { get; set; }

    /// <summary>A stand's place at the venue ("Stand 4, main hall"); unique per event.</summary>
    public string? Allocation { get; set; }

    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
}

public enum ContributionKind { LightningTalk, ExhibitionStand }

public enum ContributionStatus { Submitted, Accepted, Declined }

/// <summary>The call for one kind of contribution to an event: partners may submit until it closes.</summary>
public sealed class ContributionCall
{
    public Guid EventId { get; init; }
    public ContributionKind Kind { get; init; }
    public DateTimeOffset ClosesAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
