using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Site;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Volunteering;

/// <summary>
/// The application behind the emailed manage link: where it stands, in words, and the way to withdraw it (a separate
/// confirmation page, so withdrawing is never one click).
/// </summary>
public sealed class ApplicationModel(PlatformApi api) : PageModel
{
    public ManagedApplication? Application { get; private set; }

    /// <summary>Set after a withdrawal redirects back here: the success banner.</summary>
    [BindProperty(SupportsGet = true)] public bool Withdrawn { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var found = await api.GetAsync<ManagedApplication>(VolunteeringApi.Application(token), cancellationToken);
        if (!found.Succeeded)
        {
            if (!found.Problem.IsNotFound) ModelState.AddApiProblem(found.Problem);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Application = found.Value;
        return Page();
    }
}
