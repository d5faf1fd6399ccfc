using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;

namespace Platform.Web.Pages.EmailUpdates;

/// <summary>
/// The confirmation email's link. Opening it (as a mail scanner does) confirms nothing; only the button's POST does.
/// </summary>
public sealed class ConfirmModel(PlatformApi api) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool LinkInvalid { get; private set; }

    public IActionResult OnGet() => string.IsNullOrWhiteSpace(Token) ? NotRecognised() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Token)) return NotRecognised();
        var result = await api.PostAsync<NoContent>("api/notifications/subscriptions/confirm", new { token = Token }, ct);
        if (result.Succeeded) return RedirectToPage("SignedUp");
        if (result.Problem.IsNotFound || result.Problem.Status == StatusCodes.Status400BadRequest) return NotRecognised();
        ModelState.AddModelError("", result.Problem.Summary);
        return Page();
    }

    private PageResult NotRecognised()
    {
        LinkInvalid = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
