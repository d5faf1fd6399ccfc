using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Events;
using Platform.Web.Manage.Events;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>One workshop's places and its waitlist, in the order places will be offered.</summary>
public sealed class WorkshopModel(PlatformApi api) : StaffEventPage(api)
{
    public const int PageSize = 50;

    [FromQuery(Name = "p")] public int PageNumber { get; set; } = 1;

    public Session Workshop { get; private set; } = null!;
    public Paged<WorkshopDelegate> Delegates { get; private set; } = null!;
    public int Pages => Math.Max(1, (Delegates.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid sessionId, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        if (Event.Programme.FirstOrDefault(s => s.Id == sessionId) is not { } workshop) return NotFound();
        Workshop = workshop;
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var list = await Api.GetAsync<Paged<WorkshopDelegate>>($"api/events/{id}/sessions/{sessionId}/delegates?page={PageNumber}&pageSize={PageSize}", ct);
        if (!list.Succeeded) return NotFound();
        Delegates = list.Value;
        return Page();
    }

    public string Href(int page) => $"/manage/events/{Event.Id}/workshops/{Workshop.Id}?p={page}";
}
