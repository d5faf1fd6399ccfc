namespace Platform.Events.Catalogue;

/// <summary>One item of an event's programme: a keynote, a workshop, a lightning talk, a stand, a break...</summary>
public sealed class Session
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EventId { get; init; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public SessionKind Kind { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string Room { get; set; } = "";
    public List<Facilitator> Facilitators { get; set; } = [];

    /// <summary>Null for sessions anyone may attend; otherwise a hard limit enforced by a CHECK constraint.</summary>
    public int? Capacity { get; set; }

    /// <summary>Confirmed places plus places held for an offer.</summary>
    public int PlacesTaken { get; set; }

    /// <summary>
    /// Set when the organiser withdrew the workshop from a published event: it leaves the programme, its places and
    /// waitlist end, and its delegates are told (the row stays, so their choices and calendar entries can say so).
    /// </summary>
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>Only workshops are chosen at registration; the rest of the programme is open to every delegate.</summary>
    public bool IsChoosable => Kind == SessionKind.Workshop && WithdrawnAt is null;
}

public sealed class Facilitator
{
    public required string Name { get; set; }
    public string Organisation { get; set; } = "";
}

public enum SessionKind { Keynote, Workshop, LightningTalk, ExhibitionStand, QuestionsAndAnswers, AwardsPresentation, Break }
