using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage;

/// <summary>Where an invitation email leads: the invitee chooses a password, and their account exists from then on.</summary>
[OpenToAnyone]
public sealed class InvitationModel(PlatformApi api) : PageModel
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

        var accepted = await api.PostAsync<NoContent>("gateway/accounts/invitations/accept", new { invitationToken = Token ?? "", password = Form.Password }, ct);
        if (!accepted.Succeeded)
        {
            ModelState.AddApiProblem(accepted.Problem, ChoosePasswordForm.ApiFields);
            return Page();
        }

        Done = true;
        return Page();
    }
}
