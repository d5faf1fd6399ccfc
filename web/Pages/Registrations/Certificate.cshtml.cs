using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Events;

namespace Platform.Web.Pages.Registrations;

/// <summary>
/// A training day's certificate of attendance as a page to print: the delegate, the day, the organiser and the code
/// with the public address that checks it. Events issues the certificate the first time it is asked for and the same
/// one every time after, so opening this page (a GET that asks Events to issue) is safe to repeat.
/// </summary>
public sealed class CertificateModel(PlatformApi api) : ManagedRegistrationPage(api)
{
    public Certificate? Certificate { get; private set; }

    /// <summary>Why there is no certificate (not a training day, not checked in), in the site's words.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The full address of the public check page, for the printed certificate.</summary>
    public string CheckUrl => Certificate is null ? "" : $"{Request.Scheme}://{Request.Host}{Certificate.VerifyPath}";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, withEvent: false, cancellationToken) is { } stop) return stop;
        var issued = await Api.PostAsync<Certificate>($"{ApiPath}/certificate", null, cancellationToken);
        if (issued.Succeeded)
        {
            Certificate = issued.Value;
            return Page();
        }
        if (issued.Problem.IsNotFound) return LinkNotRecognised();
        Refusal = issued.Problem.Code switch
        {
            "not-a-training-day" => "Certificates of attendance are given for training days, and this event is not one.",
            "not-checked-in" => "Your certificate is ready once the registration desk has checked you in at the training day.",
            _ => issued.Problem.Summary,
        };
        return Page();
    }
}
