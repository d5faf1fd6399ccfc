using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Awards;
using Platform.Web.Manage;
using Platform.Web.Manage.Awards;

namespace Platform.Web.Pages.Manage.Awards;

/// <summary>The awards office's front page: every programme, newest first.</summary>
public sealed class IndexModel(PlatformApi api) : PageModel
{
    public IReadOnlyList<StaffProgramme> Programmes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var programmes = await api.GetAsync<Paged<StaffProgramme>>($"{ManageAwardsApi.Programmes}?pageSize=100", cancellationToken);
        if (!programmes.Succeeded) return PageRefusal.Of(programmes.Problem);
        Programmes = programmes.Value.Items;
        return Page();
    }
}
