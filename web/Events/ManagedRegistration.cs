using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;

namespace Platform.Web.Events;

/// <summary>
/// A page reached by a registration's manage link: reads the registration by its token, and answers an unknown or
/// expired token with the "link not recognised" page. The token is only ever in the path, which the site does not log.
/// </summary>
public abstract class ManagedRegistrationPage(PlatformApi api) : PageModel
{
    protected PlatformApi Api => api;

    public string Token { get; private set; } = "";
    public Registration Registration { get; private set; } = null!;
    public EventDetail? Event { get; private set; }

    /// <summary>The API's path for this registration (the token escaped once, as the gateway expects).</summary>
    protected string ApiPath => $"api/events/registrations/{Uri.EscapeDataString(Token)}";

    public string SitePath => $"/registrations/{Uri.EscapeDataString(Token)}";

    protected async Task<IActionResult?> LoadAsync(string token, bool withEvent, CancellationToken cancellationToken)
    {
        Token = token;
        var result = await api.GetAsync<Registration>(ApiPath, cancellationToken);
        if (!result.Succeeded) return LinkNotRecognised();
        Registration = result.Value;
        if (withEvent)
        {
            var e = await api.GetAsync<EventDetail>($"api/events/{Registration.EventId}", cancellationToken);
            Event = e.Succeeded ? e.Value : null;
        }
        return null;
    }

    /// <summary>The registration as a change through the link answered it.</summary>
    protected void Show(Registration registration) => Registration = registration;

    /// <summary>True when the token is unknown or expired: the page shows _LinkNotRecognised instead of itself.</summary>
    public bool NotRecognised { get; private set; }

    protected IActionResult LinkNotRecognised()
    {
        NotRecognised = true;
        ViewData["Title"] = "This link has expired or is not recognised";
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
