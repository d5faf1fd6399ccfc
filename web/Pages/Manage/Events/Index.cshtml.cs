using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Events;
using Platform.Web.Manage.Events;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>Every event in any status, latest first, with a way to create one.</summary>
public sealed class IndexModel(PlatformApi api) : PageModel
{
    public const int PageSize = 20;

    [FromQuery(Name = "status")] public EventStatus? Status { get; set; }
    [FromQuery(Name = "p")] public int PageNumber { get; set; } = 1;

    public Paged<StaffEventSummary> Events { get; private set; } = null!;
    public int Pages => Math.Max(1, (Events.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var query = $"api/events/all?page={PageNumber}&pageSize={PageSize}" + (Status is { } s ? $"&status={s}" : "");
        var result = await api.GetAsync<Paged<StaffEventSummary>>(query, ct);
        if (!result.Succeeded) return BadRequest();
        Events = result.Value;
        return Page();
    }

    public string Href(int page) => $"/manage/events?p={page}" + (Status is { } s ? $"&status={s}" : "");
}
