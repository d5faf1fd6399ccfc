using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Events;

namespace Platform.Web.Pages.Registrations;

/// <summary>
/// "Making connections": the delegates of the same event who agreed to be listed. Events decides who sees it (a
/// delegate who agreed to be on it); one who has not is told why and may agree here, or withdraw later.
/// </summary>
public sealed class DelegatesModel(PlatformApi api) : ManagedRegistrationPage(api)
{
    public const int PageSize = 100;

    public Paged<ListedDelegate>? Delegates { get; private set; }

    /// <summary>True when Events keeps the list from this delegate until they agree to be on it themselves.</summary>
    public bool NeedsConsent { get; private set; }

    public string? Refusal { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, withEvent: false, cancellationToken) is { } stop) return stop;
        Message = TempData[ManageModel.MessageKey] as string;
        var list = await Api.GetAsync<Paged<ListedDelegate>>($"{ApiPath}/delegate-list?pageSize={PageSize}", cancellationToken);
        if (list.Succeeded) Delegates = list.Value;
        else if (list.Problem.IsNotFound) return LinkNotRecognised();
        else if (list.Problem.Code == "delegate-list-consent") NeedsConsent = true;
        else Refusal = list.Problem.Code == "registration-cancelled"
            ? "The delegate list is for delegates coming to the event, and this registration has been cancelled."
            : list.Problem.Summary;
        return Page();
    }

    public Task<IActionResult> OnPostJoinAsync(string token, CancellationToken cancellationToken) =>
        ConsentAsync(token, true, "You are now on the delegate list, and can see the others on it.", cancellationToken);

    public Task<IActionResult> OnPostLeaveAsync(string token, CancellationToken cancellationToken) =>
        ConsentAsync(token, false, "You have been taken off the delegate list.", cancellationToken);

    private async Task<IActionResult> ConsentAsync(string token, bool consent, string done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, withEvent: false, cancellationToken) is { } stop) return stop;
        var result = await Api.PutAsync<NoContent>($"{ApiPath}/delegate-list/consent", new DelegateListConsentRequest(consent), cancellationToken);
        if (!result.Succeeded && result.Problem.IsNotFound) return LinkNotRecognised();
        TempData[ManageModel.MessageKey] = result.Succeeded ? done : result.Problem.Summary;
        return Redirect($"{SitePath}/delegates");
    }
}
