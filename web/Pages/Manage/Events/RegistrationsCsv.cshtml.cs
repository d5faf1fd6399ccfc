using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>The CSV of every registration, fetched as the signed-in user (the browser holds no session with the API).</summary>
public sealed class RegistrationsCsvModel(PlatformApi api) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var file = await api.GetFileAsync($"api/events/{id}/reports/registrations.csv", ct);
        if (!file.Succeeded) return NotFound();
        return File(file.Value.Content, file.Value.ContentType, file.Value.FileName ?? $"registrations-{id:N}.csv");
    }
}
