using System.Net.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Site;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Volunteering;

/// <summary>
/// A volunteer who lost their link types their email address and gets a fresh link by email. Every well-formed address
/// ends on the same "check your email" page, as the service answers the same for every one: the page tells nobody
/// whether an address volunteers here.
/// </summary>
public sealed class NewLinkModel(PlatformApi api) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email)) ModelState.AddModelError(nameof(Email), "Enter your email address");
        else if (!(MailAddress.TryCreate(email, out var address) && address.Address == email && email.Contains('.', StringComparison.Ordinal)))
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.com");
        if (!ModelState.IsValid) return Page();

        var sent = await api.PostAsync<NoContent>(VolunteeringApi.FreshLink, new { email }, cancellationToken);
        if (sent.Succeeded) return RedirectToPage("NewLinkSent");
        ModelState.AddApiProblem(sent.Problem, new Dictionary<string, string> { ["email"] = nameof(Email) });
        return Page();
    }
}
