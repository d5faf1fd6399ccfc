using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Awards;
using Platform.Web.Manage;
using Platform.Web.Manage.Awards;

namespace Platform.Web.Pages.Manage.Judging;

/// <summary>
/// The panels the signed-in judge sits on. Judges are staff or organisation users, so these pages live outside the
/// staff-only Awards folder (at /manage/awards/judging): the Awards service decides who is on which panel.
/// </summary>
public sealed class IndexModel(PlatformApi api) : PageModel
{
    public IReadOnlyList<JudgePanel> Panels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var panels = await api.GetAsync<Paged<JudgePanel>>($"{ManageAwardsApi.JudgePanels}?pageSize=100", cancellationToken);
        if (!panels.Succeeded) return PageRefusal.Of(panels.Problem);
        Panels = panels.Value.Items;
        return Page();
    }
}
