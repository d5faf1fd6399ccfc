using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;

namespace Platform.Web.Pages.Certificates;

/// <summary>What a genuine certificate of attendance says, as Events answers a code.</summary>
public sealed record CertificateCheck(
    string Code, string Name, string Organisation, Guid EventId, string EventTitle, string Organiser, string Venue,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset IssuedAt);

/// <summary>
/// Anyone (an employer, a professional body) checks a certificate's code: the printed address opens with the code
/// in it, or a code is typed into the form. A code nobody was given says so, and nothing else.
/// </summary>
public sealed class CheckModel(PlatformApi api) : PageModel
{
    public string? Code { get; private set; }
    public CertificateCheck? Certificate { get; private set; }
    public bool Unknown { get; private set; }

    /// <summary>Why the code could not be checked now (too many checks from this address, say); not a verdict on it.</summary>
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        Code = code?.Trim();
        if (string.IsNullOrEmpty(Code)) return Page();
        var result = await api.GetAsync<CertificateCheck>($"api/events/certificates/{Uri.EscapeDataString(Code)}", cancellationToken);
        if (result.Succeeded) Certificate = result.Value;
        else if (result.Problem.IsNotFound) Unknown = true;
        else Error = result.Problem.Summary;
        return Page();
    }
}
