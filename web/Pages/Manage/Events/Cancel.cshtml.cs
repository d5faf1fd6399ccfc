using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Manage.Events;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>Cancelling an event asks first: every registrant is emailed and it cannot be undone.</summary>
public sealed class CancelModel(PlatformApi api) : StaffEventPage(api)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadEventAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var made = await Api.PostAsync<StaffEvent>($"api/events/{id}/cancel", null, ct);
        if (made.Succeeded)
        {
            TempData["Done"] = "The event is cancelled. Everyone registered is being emailed.";
            return Redirect($"/manage/events/{id}");
        }
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        ModelState.AddModelError("", made.Problem.Summary);
        return Page();
    }
}
