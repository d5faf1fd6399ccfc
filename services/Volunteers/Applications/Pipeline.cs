using Platform.Volunteers.Roles;

namespace Platform.Volunteers.Applications;

public enum ApplicationStage { Applied, Screening, Interview, BackgroundCheck, Onboarding, Active, Declined, Withdrawn }

/// <summary>
/// The recruitment pipeline: Applied → Screening → Interview → Background check → Onboarding → Active, or Declined /
/// Withdrawn from any stage before Active. A role that needs no background check may go from Interview straight to
/// Onboarding.
/// </summary>
public static class Pipeline
{
    public static IReadOnlyList<ApplicationStage> NextStages(ApplicationStage from, BackgroundCheck check)
    {
        ApplicationStage[] forward = from switch
        {
            ApplicationStage.Applied => [ApplicationStage.Screening],
            ApplicationStage.Screening => [ApplicationStage.Interview],
            ApplicationStage.Interview => check == BackgroundCheck.None
                ? [ApplicationStage.BackgroundCheck, ApplicationStage.Onboarding]
                : [ApplicationStage.BackgroundCheck],
            ApplicationStage.BackgroundCheck => [ApplicationStage.Onboarding],
            ApplicationStage.Onboarding => [ApplicationStage.Active],
            _ => [],
        };
        return IsClosed(from) ? [] : [.. forward, ApplicationStage.Declined, ApplicationStage.Withdrawn];
    }

    /// <summary>Active, Declined and Withdrawn end the pipeline; an Active applicant continues as a volunteer record.</summary>
    public static bool IsClosed(ApplicationStage stage) =>
        stage is ApplicationStage.Active or ApplicationStage.Declined or ApplicationStage.Withdrawn;

    public static bool NeedsReason(ApplicationStage to) => to is ApplicationStage.Declined or ApplicationStage.Withdrawn;
}
