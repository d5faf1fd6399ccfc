using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Manage.Events;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>
/// The check-in desk: type the delegate's short code (or, where script and a camera allow, read their QR code, which
/// fills in the same field and sends the same form). Each check-in comes back to an empty form, ready for the next.
/// </summary>
public sealed class CheckInModel(PlatformApi api) : StaffEventPage(api)
{
    public AttendanceFigures? Attendance { get; private set; }

    [BindProperty] public string? Code { get; set; }

    [TempData] public string? CheckedIn { get; set; }
    [TempData] public string? CheckedInDetail { get; set; }
    [TempData] public bool WasAlreadyCheckedIn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Code)) ModelState.AddModelError(nameof(Code), "Enter the delegate's check-in code");
        else
        {
            var result = await Api.PostAsync<CheckInResult>($"api/events/{id}/check-ins", new CheckInRequest(Code), ct);
            if (result.Succeeded)
            {
                var r = result.Value;
                CheckedIn = r.Name;
                CheckedInDetail = (string.IsNullOrEmpty(r.Organisation) ? "" : $"{r.Organisation}. ")
                                  + (r.AlreadyCheckedIn ? $"Already checked in at {EventsDeskWords.Short(r.CheckedInAt)}." : $"Checked in at {EventsDeskWords.Short(r.CheckedInAt)}.");
                WasAlreadyCheckedIn = r.AlreadyCheckedIn;
                return Redirect($"/manage/events/{id}/check-in");
            }
            ModelState.AddModelError(nameof(Code), Refusal(result.Problem));
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    private string Refusal(ApiProblem problem) => problem switch
    {
        { Code: "registration-cancelled" } => $"The registration with code {Code!.Trim().ToUpperInvariant()} was cancelled",
        { IsNotFound: true } => $"No registration for this event has the code {Code!.Trim().ToUpperInvariant()}. Check it with the delegate",
        { Errors.Count: > 0 } => "A check-in code has 8 letters and numbers, like KX7M-P2QA",
        _ => problem.Summary,
    };

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        var attendance = await Api.GetAsync<AttendanceFigures>($"api/events/{id}/attendance", ct);
        Attendance = attendance.Succeeded ? attendance.Value : null;
        return null;
    }
}
