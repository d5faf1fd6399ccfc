using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Events;
using Platform.Web.Pages.Events;

namespace Platform.Web.Pages.Registrations;

/// <summary>
/// A delegate's registration, reached by the link in every registration email and, straight after registering, from
/// the form (with a "registered" panel): its choices and their state, waitlist offers to accept or decline, the
/// calendar entry and check-in QR code, and links to change choices or cancel.
/// </summary>
public sealed class ManageModel(PlatformApi api) : ManagedRegistrationPage(api)
{
    public const string MessageKey = "events-message";

    public bool JustRegistered { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, withEvent: true, cancellationToken) is { } stop) return stop;
        JustRegistered = TempData[RegisterModel.RegisteredFlag] is true;
        Message = TempData[MessageKey] as string;
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(string token, Guid sessionId, CancellationToken cancellationToken) =>
        AnswerAsync(token, sessionId, "accept", "You have accepted the place. It is confirmed.", cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(string token, Guid sessionId, CancellationToken cancellationToken) =>
        AnswerAsync(token, sessionId, "decline", "You have declined the place. It will be offered to the next person waiting.", cancellationToken);

    private async Task<IActionResult> AnswerAsync(string token, Guid sessionId, string answer, string done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, withEvent: false, cancellationToken) is { } stop) return stop;
        var result = await Api.PostAsync<Registration>($"{ApiPath}/offers/{sessionId}/{answer}", null, cancellationToken);
        TempData[MessageKey] = result.Succeeded ? done
            : result.Problem.IsConflict ? "That offer has expired or was already answered, so nothing has changed."
            : result.Problem.Summary;
        return Redirect(SitePath);
    }
}
