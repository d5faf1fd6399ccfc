using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Manage.News;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.News;

/// <summary>
/// A data-protection request: look up one address's subscription and erase it. Only staff holding the
/// data-protection permission open the page, as only they may call the API behind it. The address is posted, never
/// put in the page's URL (it would sit in logs and history).
/// </summary>
[RequiresPermission(Permission)]
public sealed class DataProtectionModel(PlatformApi api) : PageModel
{
    public const string Permission = "data-protection";

    [BindProperty]
    public string? Email { get; set; }

    public SubscriberLookup? Found { get; private set; }
    public bool NotHeld { get; private set; }
    public string? Erased { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostLookUpAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter the email address to look up");
            return Page();
        }

        var found = await api.GetAsync<SubscriberLookup>($"api/notifications/subscribers/lookup?email={Uri.EscapeDataString(Email.Trim())}", ct);
        if (found.Succeeded) Found = found.Value;
        else if (found.Problem.IsNotFound) NotHeld = true;
        else ModelState.AddApiProblem(found.Problem, new Dictionary<string, string> { ["email"] = nameof(Email) });
        return Page();
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        var erased = await api.PostAsync<NoContent>("api/notifications/subscribers/erasures", new { email = Email?.Trim() }, ct);
        if (erased.Succeeded) Erased = $"Everything held about {Email} has been erased.";
        else if (erased.Problem.IsNotFound) NotHeld = true;
        else ModelState.AddApiProblem(erased.Problem, new Dictionary<string, string> { ["email"] = nameof(Email) });
        return Page();
    }
}
