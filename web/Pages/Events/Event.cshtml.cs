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
    public LineUp LineUp { get; private set; } = LineUp.None;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await reads.GetAsync<EventDetail>($"api/events/{id}", Freshness.EventPage, cancellationToken);
        if (!result.Succeeded) return NotFound();
        Event = result.Value;
        // Partners' talks and stands are a shared read of their own; without them the page still shows the programme.
        var lineUp = await reads.GetAsync<LineUp>($"api/events/{id}/line-up", Freshness.EventPage, cancellationToken);
        if (lineUp.Succeeded) LineUp = lineUp.Value;
        Now = time.GetUtcNow();
        RegistrationOpen = Event.TakesRegistrations(Now) && Event.PlacesLeft > 0;
        return Page();
    }
}
