using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Events;

namespace Platform.Web.Pages.Events;

/// <summary>One published event: when and where, its programme grouped by kind, places left, and the way to register.</summary>
public sealed class EventModel(SharedReads reads, TimeProvider time) : PageModel
{
    public EventDetail Event { get; private set; } = null!;
    public bool RegistrationOpen { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await reads.GetAsync<EventDetail>($"api/events/{id}", Freshness.EventPage, cancellationToken);
        if (!result.Succeeded) return NotFound();
        Event = result.Value;
        Now = time.GetUtcNow();
        RegistrationOpen = Event.TakesRegistrations(Now) && Event.PlacesLeft > 0;
        return Page();
    }
}
