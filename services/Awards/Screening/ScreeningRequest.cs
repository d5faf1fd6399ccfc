using Platform.Awards.Infrastructure;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Text;

namespace Platform.Awards.Screening;

public enum ScreeningOutcome
{
    Eligible,
    Ineligible,
    MergedDuplicate,
}

/// <summary>Staff's decision on one nomination: eligible, ineligible (with the reason), or a duplicate of another nominee.</summary>
public sealed record ScreeningRequest(ScreeningOutcome? Outcome, [MultiLineText] string? Reason, Guid? MergeIntoNomineeId)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.AddIf(Outcome is null, "outcome", "The outcome is required: Eligible, Ineligible or MergedDuplicate.");
        if (Outcome == ScreeningOutcome.Ineligible) Text.Required(errors, "reason", Reason, Limits.LongText);
        else Text.Optional(errors, "reason", Reason, Limits.LongText);
        errors.AddIf(Outcome == ScreeningOutcome.MergedDuplicate && MergeIntoNomineeId is null, "mergeIntoNomineeId",
            "A merged duplicate needs the nominee it duplicates.");
        errors.AddIf(Outcome != ScreeningOutcome.MergedDuplicate && MergeIntoNomineeId is not null, "mergeIntoNomineeId",
            "Only a merged duplicate names another nominee.");
        return errors;
    }
}
