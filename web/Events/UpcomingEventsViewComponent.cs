using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;

namespace Platform.Web.Events;

/// <summary>The home page's "Events" section: the next few published events. The platform being unwell hides it.</summary>
public sealed class UpcomingEventsViewComponent(SharedReads reads, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int count = 3)
    {
        IReadOnlyList<EventSummary> events;
        try
        {
            // From the start of this minute, so visitors within the same minute share one read (Freshness.HomePage).
            var now = time.GetUtcNow();
            var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
            var from = Uri.EscapeDataString(minute.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            var result = await reads.GetAsync<Paged<EventSummary>>($"api/events?from={from}&page=1&pageSize={count}", Freshness.HomePage, HttpContext.RequestAborted);
            events = result.Succeeded ? result.Value.Items : [];
        }
        catch (PlatformUnavailableException)
        {
            events = []; // the rest of the home page still shows
        }
        return View("/Events/UpcomingEvents.cshtml", events);
    }
}
