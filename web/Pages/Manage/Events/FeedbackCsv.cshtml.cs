using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>Every feedback response as CSV, fetched as the signed-in user (the browser holds no session with the API).</summary>
[StaffOnly]
public sealed class FeedbackCsvModel(PlatformApi api) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var file = await api.GetFileAsync($"api/events/{id}/feedback.csv", ct);
        if (!file.Succeeded) return PageRefusal.Of(file.Problem);
        return File(file.Value.Content, file.Value.ContentType, file.Value.FileName ?? $"feedback-{id:N}.csv");
    }
}
