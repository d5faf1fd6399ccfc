namespace Platform.Awards.Judging;

/// <summary>A member of a category's judging panel, identified by the internal token's subject (the gateway user id).</summary>
public sealed class PanelJudge
{
    public Guid CategoryId { get; init; }
    public required string Subject { get; init; }
    public required string Name { get; init; }
    public DateTimeOffset AddedAt { get; init; }
}

/// <summary>
/// A judge's declared conflict of interest with a nominee. From then on the nominee is never shown to that judge and
/// any score they gave is not counted.
/// </summary>
public sealed class ConflictDeclaration
{
    public Guid NomineeId { get; init; }
    public required string Subject { get; init; }
    public Guid CategoryId { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset DeclaredAt { get; init; }
}

/// <summary>One judge's scores for one nominee, per rubric criterion (1–5). One per judge and nominee: never rescored.</summary>
public sealed class Scorecard
{
    public Guid NomineeId { get; init; }
    public required string Subject { get; init; }
    public Guid CategoryId { get; init; }
    public Dictionary<string, int> Scores { get; init; } = [];

    /// <summary>The weighted mean of this judge's criterion scores (Σ weight × score / Σ weight), kept for ranking.</summary>
    public decimal WeightedScore { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
}
