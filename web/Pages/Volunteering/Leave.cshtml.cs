using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Site;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Volunteering;

/// <summary>Stopping volunteering, with the exit survey: the reason (required by the service) and any comments.</summary>
public sealed class LeaveModel(PlatformApi api) : VolunteerLinkPage(api)
{
    public const int CommentsLimit = 4000;

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? ExitSurvey { get; set; }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken)) return Page();
        ModelState.Clear();
        if (string.IsNullOrEmpty(Reason)) ModelState.AddModelError(nameof(Reason), "Select why you are leaving");
        if (ExitSurvey is { Length: > CommentsLimit }) ModelState.AddModelError(nameof(ExitSurvey), $"Your comments must be {CommentsLimit} characters or fewer");
        if (!ModelState.IsValid) return Page();

        var left = await Api.PostAsync<VolunteerRecord>($"{VolunteeringApi.Volunteer(token)}/leave",
            new LeaveRequest(Reason, string.IsNullOrWhiteSpace(ExitSurvey) ? null : ExitSurvey.Trim()), cancellationToken);
        if (left.Succeeded || left.Problem.IsConflict) return Redirect($"{Home}?done=left"); // a second press: already left
        ModelState.AddApiProblem(left.Problem, new Dictionary<string, string> { ["reason"] = nameof(Reason), ["exitSurvey"] = nameof(ExitSurvey) });
        return Page();
    }
}
