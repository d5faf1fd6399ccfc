using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.EmailUpdates;

namespace Platform.Web.Pages.EmailUpdates;

/// <summary>
/// The unsubscribe link in the body of every subscriber email: opening it changes nothing, the button stops the
/// emails. (Mail clients' RFC 8058 one-click POST goes to the API's URL in the List-Unsubscribe header instead: it
/// carries no antiforgery token, which every form here requires.)
/// </summary>
public sealed class UnsubscribeModel(PlatformApi api) : PageModel
{
    [FromRoute]
    public string Token { get; set; } = "";

    public bool LinkInvalid { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The API's own GET only checks the token and answers its confirm page; it changes nothing.
        var check = await api.GetFileAsync(Path, ct);
        return check.Succeeded ? Page() : NotRecognised();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await api.PostAsync<NoContent>(Path, null, ct);
        return result.Succeeded ? RedirectToPage("Unsubscribed") : NotRecognised();
    }

    private string Path => $"api/notifications/unsubscribe/{EmailUpdatesApi.Token(Token)}";

    private PageResult NotRecognised()
    {
        LinkInvalid = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
