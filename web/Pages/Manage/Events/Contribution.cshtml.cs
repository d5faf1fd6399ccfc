using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Events;
using Platform.Web.Manage;
using Platform.Web.Manage.Events;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>
/// One pitch or stand offered: accept a lightning talk with its running order and slot, or a stand with its
/// allocation (accepting again moves it), or decline it (which frees its place).
/// </summary>
[StaffOnly]
public sealed class ContributionModel(PlatformApi api) : StaffEventPage(api)
{
    [BindProperty] public string? RunningOrder { get; set; }
    [BindProperty] public string? SlotStartsAt { get; set; }
    [BindProperty] public string? SlotEndsAt { get; set; }
    [BindProperty] public string? Allocation { get; set; }
    [TempData] public string? Done { get; set; }

    public ContributionView Contribution { get; private set; } = null!;
    public bool IsTalk => Contribution.Kind == ContributionKind.LightningTalk;

    public static readonly IReadOnlyList<string> Order = ["", nameof(RunningOrder), nameof(SlotStartsAt), nameof(SlotEndsAt), nameof(Allocation)];

    private static readonly Dictionary<string, string> ApiFields = new()
    {
        ["runningOrder"] = nameof(RunningOrder), ["slotStartsAt"] = nameof(SlotStartsAt), ["slotEndsAt"] = nameof(SlotEndsAt),
        ["allocation"] = nameof(Allocation),
    };

    public async Task<IActionResult> OnGetAsync(Guid id, Guid contributionId, CancellationToken ct)
    {
        if (await LoadAsync(id, contributionId, ct) is { } stop) return stop;
        RunningOrder = Contribution.RunningOrder?.ToString(EventWords.Culture);
        SlotStartsAt = Contribution.SlotStartsAt is { } from ? LocalTimes.Field(from) : null;
        SlotEndsAt = Contribution.SlotEndsAt is { } to ? LocalTimes.Field(to) : null;
        Allocation = Contribution.Allocation;
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, Guid contributionId, CancellationToken ct)
    {
        if (await LoadAsync(id, contributionId, ct) is { } stop) return stop;
        ModelState.Clear();
        int? order = null;
        if (IsTalk)
        {
            if (int.TryParse(RunningOrder, EventWords.Culture, out var n) && n >= 1) order = n;
            else ModelState.AddModelError(nameof(RunningOrder), "Enter the talk's place in the running order as a whole number, like 3");
            EventForm.Time(ModelState, nameof(SlotStartsAt), SlotStartsAt, "when the talk's slot starts");
            EventForm.Time(ModelState, nameof(SlotEndsAt), SlotEndsAt, "when the talk's slot ends");
        }
        else if (string.IsNullOrWhiteSpace(Allocation)) ModelState.AddModelError(nameof(Allocation), "Enter the stand's allocation, like A4");
        if (!ModelState.IsValid) return Page();

        var request = IsTalk
            ? new AcceptContributionRequest(order, LocalTimes.Parse(SlotStartsAt), LocalTimes.Parse(SlotEndsAt), null)
            : new AcceptContributionRequest(null, null, null, Allocation?.Trim());
        var accepted = await Api.PostAsync<ContributionView>($"api/events/{id}/contributions/{contributionId}/accept", request, ct);
        if (!accepted.Succeeded)
        {
            if (PageRefusal.Ends(accepted.Problem)) return PageRefusal.Of(accepted.Problem);
            ModelState.AddApiProblem(accepted.Problem, ApiFields);
            return Page();
        }
        Done = $"Accepted: {accepted.Value.Title}, {EventsDeskWords.Placing(accepted.Value)}.";
        return Redirect($"/manage/events/{id}/contributions");
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, Guid contributionId, CancellationToken ct)
    {
        if (await LoadAsync(id, contributionId, ct) is { } stop) return stop;
        var declined = await Api.PostAsync<ContributionView>($"api/events/{id}/contributions/{contributionId}/decline", null, ct);
        if (!declined.Succeeded) return PageRefusal.Of(declined.Problem);
        Done = $"Declined: {declined.Value.Title}.";
        return Redirect($"/manage/events/{id}/contributions");
    }

    /// <summary>There is no read of one contribution: the event's list (one of each kind per organisation) is searched.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, Guid contributionId, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        for (var page = 1; page <= 100; page++)
        {
            var list = await Api.GetAsync<Paged<ContributionView>>($"api/events/{id}/contributions?page={page}&pageSize=100", ct);
            if (!list.Succeeded) return PageRefusal.Of(list.Problem);
            if (list.Value.Items.FirstOrDefault(c => c.Id == contributionId) is { } found)
            {
                Contribution = found;
                return null;
            }
            if (page * 100 >= list.Value.Total) break;
        }
        return NotFound();
    }
}
