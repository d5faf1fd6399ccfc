using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Volunteering;

/// <summary>After applying (the Get of Post/Redirect/Get): the application is sent, and what happens next.</summary>
public sealed class AppliedModel(PlatformApi api) : PageModel
{
    public string RoleTitle { get; private set; } = "";
    public string OrganisationName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        // The role may have filled since: the application stands, so the page does too, in general words.
        var role = await api.GetAsync<RoleView>(VolunteeringApi.Role(id), cancellationToken);
        RoleTitle = role.Value?.Title ?? "the role";
        OrganisationName = role.Value?.OrganisationName ?? "The organisation";
        return Page();
    }
}
