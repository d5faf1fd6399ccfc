using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;

namespace Platform.Web.Volunteering;

/// <summary>What the home page's "volunteer near you" box shows: a few open roles, for the district chosen (if any).</summary>
public sealed record OpenRolesNearMeModel(IReadOnlyList<RoleSummary> Roles, int Total, IReadOnlyList<string> Districts, string? District);

/// <summary>
/// The home page's volunteering section: a few open roles with a district picker (a GET form back to the home page,
/// so it works without script). Without a district the service's order stands (soonest closing first).
/// </summary>
public sealed class OpenRolesNearMeViewComponent(SharedReads reads) : ViewComponent
{
    public const int Shown = 3;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var districts = await VolunteeringApi.DistrictsAsync(reads, cancellationToken);
        // Only a district on the list is passed on: the home page should not show an error for a hand-edited link.
        var asked = Request.Query["district"].ToString();
        var district = districts.FirstOrDefault(d => string.Equals(d, asked.Trim(), StringComparison.OrdinalIgnoreCase));
        var found = await reads.GetAsync<Paged<RoleSummary>>(
            VolunteeringApi.SearchPath([new("district", district)], Shown), Freshness.HomePage, cancellationToken);
        var roles = found.Succeeded ? found.Value : new Paged<RoleSummary>([], 1, Shown, 0);
        return View("~/Pages/Shared/Components/OpenRolesNearMe/Default.cshtml",
            new OpenRolesNearMeModel(roles.Items, roles.Total, districts, district));
    }
}
