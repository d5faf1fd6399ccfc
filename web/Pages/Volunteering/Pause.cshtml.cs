using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Site;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Volunteering;

/// <summary>Taking a break until a return date, through the volunteer's link; the organisation sees it on their list.</summary>
public sealed class PauseModel(PlatformApi api, TimeProvider time) : VolunteerLinkPage(api)
{
    [BindProperty] public DateParts ReturnsOn { get; set; } = new();

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken)) return Page();
        ModelState.Clear();
        if (ReturnsOn.IsEmpty) ModelState.AddModelError(nameof(ReturnsOn), "Enter the date you expect to come back");
        else if (ReturnsOn.Value is not { } back) ModelState.AddModelError(nameof(ReturnsOn), "The date must be a real date, like 27 3 2027");
        else if (back <= DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)) ModelState.AddModelError(nameof(ReturnsOn), "The date you come back must be in the future");
        if (!ModelState.IsValid) return Page();

        var paused = await Api.PostAsync<VolunteerRecord>($"{VolunteeringApi.Volunteer(token)}/pause", new PauseRequest(ReturnsOn.Value), cancellationToken);
        if (paused.Succeeded) return Redirect($"{Home}?done=paused");
        ModelState.AddApiProblem(paused.Problem, new Dictionary<string, string> { ["returnsOn"] = nameof(ReturnsOn) });
        return Page();
    }
}
