using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;

namespace Platform.Web.Manage.Events;

/// <summary>A staff page about one event: it reads the event (any status) as the signed-in user, or is not found.</summary>
public abstract class StaffEventPage(PlatformApi api) : PageModel
{
    protected PlatformApi Api => api;

    public StaffEvent Event { get; private set; } = null!;

    /// <summary>Null once <see cref="Event"/> is read; the page's answer (404) when there is no such event.</summary>
    protected async Task<IActionResult?> LoadEventAsync(Guid id, CancellationToken ct)
    {
        var found = await api.GetAsync<StaffEvent>($"api/events/{id}", ct);
        if (!found.Succeeded) return NotFound();
        Event = found.Value;
        return null;
    }
}
