using Platform.Awards.Categories;
using Platform.Awards.Ceremonies;

namespace Platform.Awards.Programmes;

public sealed record CeremonyView(Guid EventId, string Title, string VenueName, DateTimeOffset StartsAt, bool Cancelled);

public sealed record CriterionView(string Key, string Name, int Weight);

public sealed record CategoryView(Guid Id, string Name, string Eligibility, int CitationWordLimit, IReadOnlyList<CriterionView> Rubric);

/// <summary>
/// What anyone may see of a programme. Deliberately nothing about screening, shortlists or winners: its shape and
/// content are the same before and after winners are confirmed, and only <see cref="ResultsAnnounced"/> changes,
/// when the embargo lifts.
/// </summary>
public sealed record ProgrammeView(
    Guid Id,
    int Year,
    string Title,
    DateTimeOffset NominationsOpen,
    DateTimeOffset NominationsClose,
    DateTimeOffset JudgingOpens,
    DateTimeOffset JudgingCloses,
    CeremonyView? Ceremony,
    bool BlindJudging,
    bool ResultsAnnounced,
    IReadOnlyList<CategoryView> Categories)
{
    /// <summary>
    /// Whether a nomination sent now would be accepted, by the service's own clock: what a client shows as "open"
    /// without comparing the windows against a clock of its own.
    /// </summary>
    public bool NominationsOpenNow { get; init; }
}

public static class ProgrammeViewMapping
{
    public static CategoryView ToView(this AwardCategory c) =>
        new(c.Id, c.Name, c.Eligibility, c.CitationWordLimit, c.Rubric.Select(r => new CriterionView(r.Key, r.Name, r.Weight)).ToList());

    public static ProgrammeView ToView(this AwardsProgramme p, CeremonyEvent? ceremony, IEnumerable<AwardCategory> categories, DateTimeOffset now) =>
        p.ToView(ceremony, categories) with { NominationsOpenNow = p.NominationsOpenAt(now) };

    public static ProgrammeView ToView(this AwardsProgramme p, CeremonyEvent? ceremony, IEnumerable<AwardCategory> categories) => new(
        p.Id, p.Year, p.Title, p.NominationsOpen, p.NominationsClose, p.JudgingOpens, p.JudgingCloses,
        ceremony is null ? null : new CeremonyView(ceremony.Id, ceremony.Title, ceremony.VenueName, ceremony.StartsAt, ceremony.Cancelled),
        p.BlindJudging, p.AnnouncedAt is not null,
        categories.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => c.ToView()).ToList());
}
