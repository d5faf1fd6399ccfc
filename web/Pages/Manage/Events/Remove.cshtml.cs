using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage.Events;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>
/// Removing a registration (a fake, a duplicate, a delegate who asked by phone): staff give the reason, which the
/// registration keeps; the delegate is emailed and the places go to the waitlists.
/// </summary>
public sealed class RemoveModel(PlatformApi api) : PageModel
{
    public DelegateRow Registration { get; private set; } = null!;
    public Guid EventId { get; private set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid registrationId, CancellationToken ct) => await LoadAsync(id, registrationId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid registrationId, CancellationToken ct)
    {
        if (await LoadAsync(id, registrationId, ct) is { } stop) return stop;
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Enter why the registration is removed");
        if (!ModelState.IsValid) return Page();

        var removed = await api.PostAsync<NoContent>($"api/events/{id}/registrations/{registrationId}/cancel", new StaffCancellationRequest(Reason!.Trim()), ct);
        if (!removed.Succeeded)
        {
            ModelState.AddApiProblem(removed.Problem, new Dictionary<string, string> { ["reason"] = nameof(Reason) });
            return Page();
        }
        TempData["Done"] = $"{Registration.Name}'s registration is removed. They are emailed that it is cancelled.";
        return Redirect($"/manage/events/{id}/registrations");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid registrationId, CancellationToken ct)
    {
        var found = await api.GetAsync<DelegateRow>($"api/events/{id}/registrations/{registrationId}", ct);
        if (!found.Succeeded) return NotFound();
        Registration = found.Value;
        EventId = id;
        return null;
    }
}
