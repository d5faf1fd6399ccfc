using Platform.Awards.Infrastructure;
using Platform.ServiceDefaults.Problems;

namespace Platform.Awards.Programmes;

/// <summary>Create a year's programme. Times may carry any offset; they are stored in UTC.</summary>
public sealed record ProgrammeRequest(
    int? Year,
    string? Title,
    DateTimeOffset? NominationsOpen,
    DateTimeOffset? NominationsClose,
    DateTimeOffset? JudgingOpens,
    DateTimeOffset? JudgingCloses,
    Guid? CeremonyEventId,
    bool BlindJudging)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.AddIf(Year is null or < 2000 or > 2200, "year", "The year is required, between 2000 and 2200.");
        Text.Required(errors, "title", Title, Limits.Title);
        errors.AddIf(NominationsOpen is null, "nominationsOpen", "The nomination window's opening is required.");
        errors.AddIf(NominationsClose is null, "nominationsClose", "The nomination window's closing is required.");
        errors.AddIf(JudgingOpens is null, "judgingOpens", "The judging window's opening is required.");
        errors.AddIf(JudgingCloses is null, "judgingCloses", "The judging window's closing is required.");
        errors.AddIf(NominationsOpen >= NominationsClose, "nominationsClose", "Nominations must close after they open.");
        errors.AddIf(JudgingOpens < NominationsClose, "judgingOpens", "Judging opens once nominations have closed.");
        errors.AddIf(JudgingOpens >= JudgingCloses, "judgingCloses", "Judging must close after it opens.");
        errors.AddIf(CeremonyEventId is null, "ceremonyEventId", "The ceremony's event is required.");
        return errors;
    }

    public AwardsProgramme ToProgramme(DateTimeOffset now) => new()
    {
        Year = Year!.Value,
        Title = Title!.Trim(),
        NominationsOpen = NominationsOpen!.Value.ToUniversalTime(),
        NominationsClose = NominationsClose!.Value.ToUniversalTime(),
        JudgingOpens = JudgingOpens!.Value.ToUniversalTime(),
        JudgingCloses = JudgingCloses!.Value.ToUniversalTime(),
        CeremonyEventId = CeremonyEventId!.Value,
        BlindJudging = BlindJudging,
        CreatedAt = now,
    };
}
