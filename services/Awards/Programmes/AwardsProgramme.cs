namespace Platform.Awards.Programmes;

/// <summary>
/// One year's Community Safety Hero Awards: when nominations and judging are open, and the event whose start is the
/// ceremony (the moment the winners' embargo lifts).
/// </summary>
public sealed class AwardsProgramme
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int Year { get; init; }
    public required string Title { get; set; }
    public DateTimeOffset NominationsOpen { get; set; }
    public DateTimeOffset NominationsClose { get; set; }
    public DateTimeOffset JudgingOpens { get; set; }
    public DateTimeOffset JudgingCloses { get; set; }

    /// <summary>The partnership event (Events service id) the winners are presented at; see <see cref="Ceremonies.CeremonyEvent"/>.</summary>
    public Guid CeremonyEventId { get; set; }

    /// <summary>Judges see citations without the nominee's or nominator's identifying details.</summary>
    public bool BlindJudging { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// When the embargo lifted and WinnersAnnounced was written to the outbox. Set once, by a conditional UPDATE, so
    /// of two replicas sweeping at once only one announces.
    /// </summary>
    public DateTimeOffset? AnnouncedAt { get; set; }

    public bool NominationsOpenAt(DateTimeOffset now) => now >= NominationsOpen && now < NominationsClose;

    public bool JudgingOpenAt(DateTimeOffset now) => now >= JudgingOpens && now < JudgingCloses;
}
