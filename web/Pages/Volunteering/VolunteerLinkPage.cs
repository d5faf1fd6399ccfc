using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Volunteering;

/// <summary>
/// A page behind the volunteer's own link (/volunteering/you/{token}): the record it reads first, or a 404 with the
/// "link not recognised" page when the token is unknown.
/// </summary>
public abstract class VolunteerLinkPage(PlatformApi api) : PageModel
{
    protected PlatformApi Api { get; } = api;

    public VolunteerRecord? Volunteer { get; private set; }

    /// <summary>The token as it goes back into a link of the site.</summary>
    public string Token => Uri.EscapeDataString(RouteData.Values["token"]?.ToString() ?? "");

    public string Home => $"/volunteering/you/{Token}";

    /// <summary>Where "link not recognised" sends a volunteer for a fresh link (the page asks for their email address).</summary>
    public const string FreshLinkKey = "FreshLinkPage";

    /// <summary>Most pages behind the link show the volunteer's record, or "link not recognised", and nothing else on GET.</summary>
    public virtual async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        return Page();
    }

    protected async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var found = await Api.GetAsync<VolunteerRecord>(VolunteeringApi.Volunteer(token), cancellationToken);
        if (found.Succeeded)
        {
            Volunteer = found.Value;
            return true;
        }

        Response.StatusCode = StatusCodes.Status404NotFound;
        ViewData[FreshLinkKey] = "/volunteering/new-link";
        return false;
    }
}
