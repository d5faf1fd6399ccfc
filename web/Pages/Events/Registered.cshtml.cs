using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Platform.Web.Pages.Events;

/// <summary>
/// After the form: the places are held, and the link that confirms them is in the delegate's inbox. The address and
/// the time come from the form's redirect (TempData); a reload without them still says what to do.
/// </summary>
public sealed class RegisteredModel : PageModel
{
    public Guid EventId { get; private set; }
    public string? Email { get; private set; }
    public DateTimeOffset? ConfirmByAt { get; private set; }

    public void OnGet(Guid id)
    {
        EventId = id;
        Email = TempData[RegisterModel.RegisteredEmail] as string;
        if (TempData[RegisterModel.ConfirmByAt] is string until
            && DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
            ConfirmByAt = at;
    }
}
