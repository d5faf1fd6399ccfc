using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;

namespace Platform.Web.Pages.Registrations;

/// <summary>
/// The registration's files (calendar entry, check-in QR code) served from the site's own origin, so the manage page
/// needs no other origin in its CSP (img-src 'self') and the API stays behind the site.
/// </summary>
public abstract class RegistrationFileModel(PlatformApi api) : PageModel
{
    [NonHandler]
    protected async Task<IActionResult> FileAsync(string token, string file, string? downloadName, CancellationToken cancellationToken)
    {
        var result = await api.GetFileAsync($"api/events/registrations/{Uri.EscapeDataString(token)}/{file}", cancellationToken);
        if (!result.Succeeded) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return downloadName is null
            ? File(result.Value.Content, result.Value.ContentType)
            : File(result.Value.Content, result.Value.ContentType, downloadName);
    }
}

public sealed class CalendarModel(PlatformApi api) : RegistrationFileModel(api)
{
    public Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        FileAsync(token, "calendar.ics", "event.ics", cancellationToken);
}
