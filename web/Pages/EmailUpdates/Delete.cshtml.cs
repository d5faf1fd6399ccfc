using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.EmailUpdates;

namespace Platform.Web.Pages.EmailUpdates;

/// <summary>"Delete my details": a page that asks first, then erases the address and everything held about it.</summary>
public sealed class DeleteModel(PlatformApi api) : PageModel
{
    [FromRoute]
    public string Token { get; set; } = "";

    public string? Email { get; private set; }

    public bool LinkInvalid { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await api.GetAsync<SubscriptionView>(Path, ct);
        if (!result.Succeeded) return NotRecognised();
        Email = result.Value.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await api.DeleteAsync<NoContent>(Path, ct);
        return result.Succeeded ? RedirectToPage("Deleted") : NotRecognised();
    }

    private string Path => $"api/notifications/manage/{EmailUpdatesApi.Token(Token)}";

    private PageResult NotRecognised()
    {
        LinkInvalid = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
