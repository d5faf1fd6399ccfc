using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage;

/// <summary>
/// Asking for a password-reset email. The gateway answers the same whether or not the address has an account, and so
/// does this page: it never says who has one.
/// </summary>
[OpenToAnyone]
public sealed class ForgotPasswordModel(PlatformApi api) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), "Enter your email address");
        if (ModelState.ErrorCount > 0) return Page();

        var asked = await api.PostAsync<NoContent>("gateway/accounts/password/reset", new { email = Email!.Trim() }, ct);
        if (!asked.Succeeded)
        {
            ModelState.AddApiProblem(asked.Problem, new Dictionary<string, string> { ["email"] = nameof(Email) });
            return Page();
        }

        Sent = true;
        return Page();
    }
}
