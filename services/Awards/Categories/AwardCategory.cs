namespace Platform.Awards.Categories;

/// <summary>One judging criterion: judges score it 1–5; its weight sets its share of the weighted score.</summary>
public sealed class Criterion
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public int Weight { get; init; }
}

/// <summary>
/// An award within a programme (Volunteer of the Year, Unsung Hero, ...): who is eligible, how long a citation may
/// be, the rubric judges score against, and — staff-only, embargoed until the ceremony — its shortlist and winner.
/// </summary>
public sealed class AwardCategory
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ProgrammeId { get; init; }
    public required string Name { get; set; }
    public required string Eligibility { get; set; }
    public int CitationWordLimit { get; set; }
    public List<Criterion> Rubric { get; set; } = [];

    public DateTimeOffset? ShortlistConfirmedAt { get; set; }

    /// <summary>Never shown outside staff endpoints until the programme's embargo lifts.</summary>
    public Guid? WinnerNomineeId { get; set; }
    public DateTimeOffset? WinnerConfirmedAt { get; set; }
}
