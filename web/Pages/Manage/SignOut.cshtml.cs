using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage;

namespace Platform.Web.Pages.Manage;

/// <summary>
/// Signing out ends the session on the gateway (the token is refused from then on, wherever a copy of it is), then
/// forgets the site's cookie.
/// </summary>
public sealed class SignOutModel(PlatformApi api) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var ended = await api.PostAsync<NoContent>("gateway/accounts/logout", null, ct);
        if (!ended.Succeeded) throw new PlatformUnavailableException($"Signing out was refused: {ended.Problem.Status}.");
        ManageSession.Forget(HttpContext);
        return Redirect($"{ManageArea.SignInPage}?signedOut=true");
    }
}
