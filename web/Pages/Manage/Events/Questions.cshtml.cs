using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Manage.Events;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>
/// Questions for the panel waiting to be moderated, oldest first: approve one for the chair's list or reject it.
/// Staff only, as Events' moderation is.
/// </summary>
[StaffOnly]
public sealed class QuestionsModel(PlatformApi api) : StaffEventPage(api)
{
    public const int PageSize = 50;

    [FromQuery(Name = "p")] public int PageNumber { get; set; } = 1;
    [TempData] public string? Done { get; set; }

    public Paged<ModeratedQuestionView> Waiting { get; private set; } = null!;
    public int Pages => Math.Max(1, (Waiting.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var list = await Api.GetAsync<Paged<ModeratedQuestionView>>($"api/events/{id}/questions?status=pending&page={PageNumber}&pageSize={PageSize}", ct);
        if (!list.Succeeded) return PageRefusal.Of(list.Problem);
        Waiting = list.Value;
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, Guid questionId, CancellationToken ct) =>
        ModerateAsync(id, questionId, "approve", "The question is on the chair's list.", ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, Guid questionId, CancellationToken ct) =>
        ModerateAsync(id, questionId, "reject", "The question is kept off the chair's list.", ct);

    public string Href(int page) => $"/manage/events/{Event.Id}/questions?p={page}";

    private async Task<IActionResult> ModerateAsync(Guid id, Guid questionId, string decision, string done, CancellationToken ct)
    {
        var made = await Api.PostAsync<QuestionView>($"api/events/{id}/questions/{questionId}/{decision}", null, ct);
        if (!made.Succeeded) return PageRefusal.Of(made.Problem);
        Done = done;
        return Redirect($"/manage/events/{id}/questions");
    }
}
