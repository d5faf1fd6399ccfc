using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Volunteering;

/// <summary>One open role: what it involves, where and when, who runs it, what it needs, and the way to apply.</summary>
public sealed class RoleModel(PlatformApi api) : PageModel
{
    public RoleView Role { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await api.GetAsync<RoleView>(VolunteeringApi.Role(id), cancellationToken);
        if (!found.Succeeded) return NotFound(); // closed, filled, withdrawn or never existed: the site's "page not found"
        Role = found.Value;
        return Page();
    }
}
