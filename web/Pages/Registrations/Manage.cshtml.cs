using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Events;

namespace Platform.Web.Pages.Registrations;

/// <summary>
/// A delegate's registration, reached by the link in every registration email: its choices and their state, waitlist offers to accept or decline, the
/// calendar entry and check-in QR code, links to change choices or cancel, to ask the panel and see the delegate list,
/// and once the desk has checked the delegate in, to the feedback survey and a training day's certificate.
/// </summary>
public sealed class ManageModel(PlatformApi api, TimeProvider time) : ManagedRegistrationPage(api)
{
    public const string MessageKey = "events-message";

    /// <summary>The first arrival by the emailed link: the places held for the address are now the delegate's.</summary>
    public bool JustConfirmed { get; private set; }
    public string? Message { get; private set; }

    /// <summary>Questions for the panel are taken until the event ends (Events refuses them after).</summary>
    public bool TakesQuestions => Event is null || time.GetUtcNow() < Event.EndsAt;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, withEvent: true, cancellationToken) is { } stop) return stop;
        // Arriving by the link is the confirmation, so an honest delegate's registration stays one form and one click.
        // A mail scanner that follows the link confirms too; what the hold guards against is an address nobody
        // receives mail at, and the owner of a real address registered by someone else can cancel here.
        if (!Registration.EmailConfirmed && Registration.Status == RegistrationStatus.Confirmed)
        {
            var confirmed = await Api.PostAsync<Registration>($"{ApiPath}/confirm", null, cancellationToken);
            if (confirmed.Succeeded)
            {
                Show(confirmed.Value);
                JustConfirmed = true;
            }
            else if (!confirmed.Problem.IsConflict) return LinkNotRecognised();
            else if (await LoadAsync(token, withEvent: true, cancellationToken) is { } gone) return gone; // lapsed meanwhile: shown cancelled
        }
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
