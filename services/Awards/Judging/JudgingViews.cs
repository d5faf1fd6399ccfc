using Platform.Awards.Programmes;
using Platform.ServiceDefaults.Text;

namespace Platform.Awards.Judging;

public sealed record JudgePanelView(
    Guid CategoryId, string CategoryName, Guid ProgrammeId, string ProgrammeTitle, DateTimeOffset JudgingOpens, DateTimeOffset JudgingCloses,
    bool BlindJudging, IReadOnlyList<CriterionView> Rubric);

/// <summary>A citation as a judge sees it; in blind judging the nominator's name is left out.</summary>
public sealed record CitationView(string Text, string Relationship, string? NominatorName);

/// <summary>
/// A nominee as a judge sees them. In blind judging <see cref="Name"/>, <see cref="Organisation"/> and
/// <see cref="District"/> are null and <see cref="Label"/> is all there is.
/// </summary>
public sealed record JudgeNomineeView(
    Guid NomineeId, string Label, string? Name, string? Organisation, string? District, IReadOnlyList<CitationView> Citations,
    IReadOnlyDictionary<string, int>? MyScores);

public sealed record ConflictRequest([MultiLineText] string? Reason);
