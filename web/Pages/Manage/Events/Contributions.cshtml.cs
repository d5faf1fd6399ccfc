using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Manage.Events;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>
/// Lightning talks and exhibition stands: open a call (or move its closing date), and the submissions, oldest first,
/// each with its decision. Staff only, as Events' calls and submissions are.
/// </summary>
[StaffOnly]
public sealed class ContributionsModel(PlatformApi api) : StaffEventPage(api)
{
    public const int PageSize = 50;

    [FromQuery(Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty] public ContributionKind? Kind { get; set; }
    [BindProperty] public string? ClosesAt { get; set; }
    [TempData] public string? Done { get; set; }

    public IReadOnlyList<CallView> Calls { get; private set; } = [];
    public Paged<ContributionView> Submissions { get; private set; } = null!;
    public int Pages => Math.Max(1, (Submissions.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        ModelState.Clear();
        if (Kind is null) ModelState.AddModelError(nameof(Kind), "Select what the call is for");
        EventForm.Time(ModelState, nameof(ClosesAt), ClosesAt, "when the call closes");
        if (!ModelState.IsValid) return Page();

        var opened = await Api.PutAsync<CallView>($"api/events/{id}/calls", new CallRequest(Kind!.Value, LocalTimes.Parse(ClosesAt)), ct);
        if (!opened.Succeeded)
        {
            if (PageRefusal.Ends(opened.Problem)) return PageRefusal.Of(opened.Problem);
            ModelState.AddApiProblem(opened.Problem, new Dictionary<string, string> { ["kind"] = nameof(Kind), ["closesAt"] = nameof(ClosesAt) });
            return Page();
        }
        Done = $"The call for {EventsDeskWords.Contributions(opened.Value.Kind)} is open until {EventsDeskWords.Short(opened.Value.ClosesAt)}.";
        return Redirect($"/manage/events/{id}/contributions");
    }

    public string Href(int page) => $"/manage/events/{Event.Id}/contributions?p={page}";

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var calls = await Api.GetAsync<Paged<CallView>>($"api/events/{id}/calls", ct);
        var submissions = await Api.GetAsync<Paged<ContributionView>>($"api/events/{id}/contributions?page={PageNumber}&pageSize={PageSize}", ct);
        if (!calls.Succeeded) return PageRefusal.Of(calls.Problem);
        if (!submissions.Succeeded) return PageRefusal.Of(submissions.Problem);
        (Calls, Submissions) = (calls.Value.Items, submissions.Value);
        return null;
    }
}
