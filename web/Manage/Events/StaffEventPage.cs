using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;

namespace Platform.Web.Manage.Events;

/// <summary>
/// A back-office page about one event: it reads the event (any status) as the signed-in user, or is not found. Staff
/// read any event; an organisation's users only their organisation's (the API answers 404 for any other).
/// </summary>
public abstract class StaffEventPage(PlatformApi api) : PageModel
{
    protected PlatformApi Api => api;

    public StaffEvent Event { get; private set; } = null!;

    /// <summary>Staff, who also run the event's pitches and stands, questions and feedback (staff-only APIs).</summary>
    public bool IsStaff { get; private set; }

    /// <summary>Null once <see cref="Event"/> is read; the page's answer (404) when there is no such event.</summary>
    protected async Task<IActionResult?> LoadEventAsync(Guid id, CancellationToken ct)
    {
        var found = await api.GetAsync<StaffEvent>($"api/events/{id}", ct);
        if (!found.Succeeded) return NotFound();
        // Asked once per request already (the access check), so this costs nothing.
        var user = await HttpContext.RequestServices.GetRequiredService<CurrentManageUser>().GetAsync(ct);
        // The public read answers anyone a published event; the back office shows an organisation user only their own.
        if (!user.IsStaff && (found.Value.OrganisationId is null || found.Value.OrganisationId != user.OrganisationId)) return NotFound();
        (Event, IsStaff) = (found.Value, user.IsStaff);
        return null;
    }
}
