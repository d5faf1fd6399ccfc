using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.EmailUpdates;
using Platform.Web.Manage.News;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.News;

/// <summary>
/// Writing news: preview it as Notifications will send it (its own Markdown rule, so the preview is the email), then
/// publish exactly what was previewed. A change after the preview is previewed again before anything is sent.
/// </summary>
public sealed class WriteModel(PlatformApi api, SharedReads reads) : PageModel
{
    [BindProperty]
    public NewsForm Form { get; set; } = new();

    public NewsPreview? Preview { get; private set; }
    public IReadOnlyList<string> Topics { get; private set; } = [];
    public IReadOnlyList<string> Districts { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => ReadChoicesAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await PreviewAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (Form.Previewed != Form.Fingerprint())
        {
            await PreviewAsync(ct);
            if (ModelState.IsValid) ModelState.AddModelError("", "The news changed after its preview: check this preview, then publish.");
            return Page();
        }

        var draft = await api.PostAsync<StaffNewsPost>("api/notifications/news", Form.Request(), ct);
        if (!draft.Succeeded) return await RefusedAsync(draft.Problem, ct);
        var published = await api.PostAsync<NewsPublished>($"api/notifications/news/{draft.Value.Id}/publish", null, ct);
        if (!published.Succeeded) return await RefusedAsync(published.Problem, ct);
        return Redirect($"/manage/news?published={draft.Value.Id}&queued={published.Value.SubscribersQueued}");
    }

    private async Task PreviewAsync(CancellationToken ct)
    {
        await ReadChoicesAsync(ct);
        var preview = await api.PostAsync<NewsPreview>("api/notifications/news/preview", Form.Request(), ct);
        if (preview.Succeeded)
        {
            Preview = preview.Value;
            Form.Previewed = Form.Fingerprint();
        }
        else
        {
            ModelState.AddApiProblem(preview.Problem, NewsForm.Fields);
        }
    }

    private async Task<IActionResult> RefusedAsync(ApiProblem problem, CancellationToken ct)
    {
        ModelState.AddApiProblem(problem, NewsForm.Fields);
        await ReadChoicesAsync(ct);
        return Page();
    }

    private async Task ReadChoicesAsync(CancellationToken ct)
    {
        var choices = await reads.ChoicesAsync(new ChoicesForm(), ct);
        Topics = choices.Catalogue.Topics;
        Districts = choices.AllDistricts;
    }
}
