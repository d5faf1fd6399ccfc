using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;

namespace Platform.Web.Pages.Registrations;

public sealed class QrModel(PlatformApi api) : RegistrationFileModel(api)
{
    // An <img> shows it inline: no attachment disposition (the link beside it asks to download).
    public Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        FileAsync(token, "qr.png", null, cancellationToken);
}
