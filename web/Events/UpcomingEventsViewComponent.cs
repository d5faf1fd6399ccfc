using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;

namespace Platform.Web.Events;

/// <summary>The home page's "Events" section: the next few published events. The platform being unwell hides it.</summary>
public sealed class UpcomingEventsViewComponent(PlatformApi api, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int count = 3)
    {
        IReadOnlyList<EventSummary> events;
        try
        {
            var from = Uri.EscapeDataString(time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            var result = await api.GetAsync<Paged<EventSummary>>($"api/events?from={from}&page=1&pageSize={count}", HttpContext.RequestAborted);
            events = result.Succeeded ? result.Value.Items : [];
        }
        catch (PlatformUnavailableException)
        {
            events = []; // the rest of the home page still shows
        }
        return View("/Events/UpcomingEvents.cshtml", events);
    }
}
