using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Events;

namespace Platform.Web.Pages.Registrations;

/// <summary>Cancelling asks first (a GET never changes anything), then POSTs; the manage page then says it is cancelled.</summary>
public sealed class CancelModel(PlatformApi api) : ManagedRegistrationPage(api)
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, withEvent: false, cancellationToken) is { } stop) return stop;
        return Registration.Status == RegistrationStatus.Cancelled ? Redirect(SitePath) : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, withEvent: false, cancellationToken) is { } stop) return stop;
        var result = await Api.DeleteAsync<Registration>(ApiPath, cancellationToken);
        TempData[ManageModel.MessageKey] = result.Succeeded || result.Problem.IsConflict
            ? "Your registration has been cancelled. We have emailed you to confirm."
            : result.Problem.Summary;
        return Redirect(SitePath);
    }
}
