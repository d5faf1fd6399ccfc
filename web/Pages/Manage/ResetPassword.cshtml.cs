using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage;

/// <summary>Where a password-reset email leads: a new password, after which every other session of the account ends.</summary>
[OpenToAnyone]
public sealed class ResetPasswordModel(PlatformApi api) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public ChoosePasswordForm Form { get; set; } = new();

    public bool Done { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ViewData[FormErrors.OrderKey] = ChoosePasswordForm.Order;
        if (!Form.Check(ModelState)) return Page();

        var reset = await api.PostAsync<NoContent>("gateway/accounts/password/reset/complete", new { resetToken = Token ?? "", password = Form.Password }, ct);
        if (!reset.Succeeded)
        {
            ModelState.AddApiProblem(reset.Problem, ChoosePasswordForm.ApiFields);
            return Page();
        }

        Done = true;
        return Page();
    }
}
