using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Awards;
using Platform.Web.Manage;
using Platform.Web.Manage.Awards;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.Judging;

/// <summary>
/// A judge's scoring page for one category. Each nominee's form asks about a conflict of interest first and the rubric
/// after: "yes" declares the conflict (the nominee leaves the judge's list and any score they gave is not counted), "no"
/// sends the scores. Blind where the programme says so (the service sends only a label), and no ranking or other judge's
/// score anywhere: the judge sees only their own scores.
/// </summary>
public sealed class CategoryModel(PlatformApi api) : PageModel
{
    public JudgePanel Panel { get; private set; } = null!;
    public IReadOnlyList<JudgeNominee> Nominees { get; private set; } = [];
    public int Total { get; private set; }

    /// <summary>The nominee whose form was posted and refused: its answers are shown again as typed.</summary>
    public Guid? Posted { get; private set; }

    public static string ConflictId(Guid nominee) => $"conflict-{nominee:N}";
    public static string ReasonId(Guid nominee) => $"reason-{nominee:N}";
    public static string ScoreId(Guid nominee, string criterion) => $"score-{nominee:N}-{criterion}";

    public async Task<IActionResult> OnGetAsync(Guid categoryId, CancellationToken cancellationToken) =>
        await LoadAsync(categoryId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid categoryId, Guid nomineeId, string? conflict, string? reason, CancellationToken cancellationToken)
    {
        if (await LoadAsync(categoryId, cancellationToken) is { } refused) return refused;
        Posted = nomineeId;
        if (conflict is not ("yes" or "no"))
        {
            ModelState.AddModelError(ConflictId(nomineeId), "Say whether you have a conflict of interest with this nominee");
            return Page();
        }

        ApiResult<NoContent> sent;
        Dictionary<string, string> fields;
        if (conflict == "yes")
        {
            fields = new() { ["reason"] = ReasonId(nomineeId) };
            if (string.IsNullOrWhiteSpace(reason))
            {
                ModelState.AddModelError(ReasonId(nomineeId), "Say what the conflict of interest is");
                return Page();
            }
            sent = await api.PostAsync<NoContent>($"{ManageAwardsApi.JudgeNominee(nomineeId)}/conflict", new ConflictBody(reason.Trim()), cancellationToken);
        }
        else
        {
            fields = Panel.Rubric.ToDictionary(c => $"scores.{c.Key}", c => ScoreId(nomineeId, c.Key));
            var scores = new Dictionary<string, int>();
            foreach (var criterion in Panel.Rubric)
            {
                if (int.TryParse(Request.Form[$"score-{criterion.Key}"], out var score)) scores[criterion.Key] = score;
                else ModelState.AddModelError(ScoreId(nomineeId, criterion.Key), $"Score {criterion.Name} from 1 to 5");
            }
            if (!ModelState.IsValid) return Page();
            sent = await api.PostAsync<NoContent>($"{ManageAwardsApi.JudgeNominee(nomineeId)}/scores", new ScoreBody(scores), cancellationToken);
        }

        if (sent.Succeeded)
            return Redirect($"/manage/awards/judging/{categoryId}?done={(conflict == "yes" ? "conflict" : "scored")}");
        // The nominee is gone from this judge's list (a conflict declared elsewhere, merged away): the list says so.
        if (sent.Problem.IsNotFound) return Redirect($"/manage/awards/judging/{categoryId}");
        ModelState.AddApiProblem(sent.Problem, fields);
        return Page();
    }

    /// <summary>What the judge chose or typed in the posted form, to show it again.</summary>
    public string? Typed(Guid nominee, string name) => Posted == nominee ? Request.Form[name].ToString() : null;

    private async Task<IActionResult?> LoadAsync(Guid categoryId, CancellationToken cancellationToken)
    {
        var panels = await api.GetAsync<Paged<JudgePanel>>($"{ManageAwardsApi.JudgePanels}?pageSize=100", cancellationToken);
        if (!panels.Succeeded) return PageRefusal.Of(panels.Problem);
        // Not on this panel: the same 404 the service gives for its nominees.
        if (panels.Value.Items.FirstOrDefault(p => p.CategoryId == categoryId) is not { } panel) return NotFound();
        Panel = panel;
        var nominees = await api.GetAsync<Paged<JudgeNominee>>($"{ManageAwardsApi.JudgeNominees(categoryId)}?pageSize=100", cancellationToken);
        if (!nominees.Succeeded) return PageRefusal.Of(nominees.Problem);
        Nominees = nominees.Value.Items;
        Total = nominees.Value.Total;
        return null;
    }
}
