using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage;

/// <summary>
/// Signing in to the back office through the gateway's own sign-in (its throttling and its one answer for an unknown
/// address or a wrong password). The session token goes into the site's cookie (<see cref="ManageSession"/>); the
/// user then goes back where they were sent from, if that is a back-office page (<see cref="ManageArea.SafeReturnUrl"/>).
/// </summary>
[OpenToAnyone]
public sealed class SignInModel(PlatformApi api) : PageModel
{
    [BindProperty]
    public SignInForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    public void OnGet() => ReturnUrl = ManageArea.SafeReturnUrl(ReturnUrl);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ReturnUrl = ManageArea.SafeReturnUrl(ReturnUrl);
        ViewData[FormErrors.OrderKey] = new[] { "Form.Email", "Form.Password" };
        if (string.IsNullOrWhiteSpace(Form.Email)) ModelState.AddModelError("Form.Email", "Enter your email address");
        if (string.IsNullOrEmpty(Form.Password)) ModelState.AddModelError("Form.Password", "Enter your password");
        if (ModelState.ErrorCount > 0) return Page();

        var signedIn = await api.PostAsync<SignedIn>(SessionBearer.SignInPath, new { email = Form.Email!.Trim(), password = Form.Password }, ct);
        if (signedIn.Succeeded)
        {
            ManageSession.Keep(HttpContext, signedIn.Value.AccessToken, signedIn.Value.ExpiresAt);
            return LocalRedirect(ReturnUrl);
        }

        // The gateway's own words: one answer for an unknown address and a wrong password, or "too many tries".
        ModelState.AddApiProblem(signedIn.Problem);
        return Page();
    }

    public sealed class SignInForm
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    private sealed record SignedIn(string AccessToken, DateTimeOffset ExpiresAt);
}
