using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Platform.Web.Pages.Events;

/// <summary>
/// After the form at a full event that keeps a waitlist: the visitor's place in the queue and what happens next. The
/// position and address come from the form's redirect (TempData); a reload without them still says what happens.
/// </summary>
public sealed class WaitingListModel : PageModel
{
    public Guid EventId { get; private set; }
    public int? Position { get; private set; }
    public string? Email { get; private set; }

    public void OnGet(Guid id)
    {
        EventId = id;
        Position = TempData[RegisterModel.WaitlistPosition] as int?;
        Email = TempData[RegisterModel.RegisteredEmail] as string;
    }
}
