using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Manage.Events;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>
/// The chair's view: the approved questions numbered in the order they were approved, with who asked, large enough to
/// read from at the lectern and printed as the list alone.
/// </summary>
[StaffOnly]
public sealed class ChairModel(PlatformApi api) : StaffEventPage(api)
{
    public const int PageSize = 100;

    [FromQuery(Name = "p")] public int PageNumber { get; set; } = 1;

    public Paged<ChairQuestionView> Questions { get; private set; } = null!;
    public int Pages => Math.Max(1, (Questions.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var list = await Api.GetAsync<Paged<ChairQuestionView>>($"api/events/{id}/questions/approved?page={PageNumber}&pageSize={PageSize}", ct);
        if (!list.Succeeded) return PageRefusal.Of(list.Problem);
        Questions = list.Value;
        return Page();
    }

    public string Href(int page) => $"/manage/events/{Event.Id}/questions/chair?p={page}";
}
