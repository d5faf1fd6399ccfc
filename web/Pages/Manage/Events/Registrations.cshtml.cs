using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Events;
using Platform.Web.Manage.Events;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>An event's registrations, newest first: find one by name, email, organisation or check-in code, and remove a bogus one.</summary>
public sealed class RegistrationsModel(PlatformApi api) : StaffEventPage(api)
{
    public const int PageSize = 25;

    [FromQuery(Name = "search")] public string? Search { get; set; }
    [FromQuery(Name = "status")] public RegistrationStatus? Status { get; set; }
    [FromQuery(Name = "p")] public int PageNumber { get; set; } = 1;

    public Paged<DelegateRow> Registrations { get; private set; } = null!;
    public int Pages => Math.Max(1, (Registrations.Total + PageSize - 1) / PageSize);

    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        Search = Search?.Trim();
        if (Search?.Length > 200) Search = Search[..200];
        var result = await Api.GetAsync<Paged<DelegateRow>>(Href(PageNumber, $"api/events/{id}/registrations") + $"&pageSize={PageSize}", ct);
        if (!result.Succeeded) return BadRequest();
        Registrations = result.Value;
        return Page();
    }

    public string Href(int page) => Href(page, $"/manage/events/{Event.Id}/registrations");

    private string Href(int page, string path) =>
        $"{path}?{(path.StartsWith("api/", StringComparison.Ordinal) ? "page" : "p")}={page}"
        + (string.IsNullOrEmpty(Search) ? "" : $"&search={Uri.EscapeDataString(Search)}")
        + (Status is { } s ? $"&status={s}" : "");
}
