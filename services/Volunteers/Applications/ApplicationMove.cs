using Platform.ServiceDefaults.Problems;
using Platform.Volunteers.Roles;

namespace Platform.Volunteers.Applications;

/// <summary>What moving an application along the pipeline came to; the API classes say it in HTTP.</summary>
public abstract record ApplicationMove
{
    private ApplicationMove()
    {
    }

    /// <summary>The application in its new stage; <paramref name="VolunteerId"/> is the volunteer record reaching Active made.</summary>
    public sealed record Moved(VolunteerApplication Application, VolunteerRole Role, Guid? VolunteerId) : ApplicationMove;

    /// <summary>The stage or reason is missing or unreadable (each field's reason).</summary>
    public sealed record Invalid(ValidationErrors Errors) : ApplicationMove;

    /// <summary>The pipeline has no step from where the application is to where it was asked to go.</summary>
    public sealed record NotAllowed(ApplicationStage From, ApplicationStage To, IReadOnlyList<ApplicationStage> Allowed) : ApplicationMove;

    /// <summary>The role or the application changed under it (the role is full, another move came first).</summary>
    public sealed record Refused(string Rule, string Reason) : ApplicationMove;
}
