using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Awards;
using Platform.Web.Manage;
using Platform.Web.Manage.Awards;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.Awards;

/// <summary>
/// One category for the awards office: the screening queue (eligible, ineligible with a reason, or merged into the
/// nominee it duplicates, which keeps every judge's declared conflict), the panel and its progress, then the ranking,
/// shortlist and winner. Staff who sit on a panel of the programme are refused the ranking, progress and screening
/// while judging is open (the service's rule); the page says so instead of showing them.
/// </summary>
public sealed class CategoryModel(PlatformApi api) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? ProgrammeId { get; set; }
    public StaffProgramme Programme { get; private set; } = null!;
    public StaffCategory Category { get; private set; } = null!;
    public IReadOnlyList<NomineeGroup> Nominees { get; private set; } = [];
    public IReadOnlyList<PanelJudge> Judges { get; private set; } = [];
    public IReadOnlyList<JudgeProgress> Progress { get; private set; } = [];
    public IReadOnlyList<RankedNominee> Ranking { get; private set; } = [];

    /// <summary>Why the screening, progress and ranking are not shown (the service's 403 for a judge while judging is open).</summary>
    public string? Withheld { get; private set; }
    public string? Refusal { get; private set; }

    [BindProperty] public string? JudgeSubject { get; set; }
    [BindProperty] public string? JudgeName { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostScreenAsync(Guid id, Guid nominationId, string? outcome, string? reason, Guid? mergeInto, CancellationToken cancellationToken)
    {
        var screened = await api.PostAsync<ScreenedNomination>(ManageAwardsApi.Screening(nominationId), new ScreeningBody(
            string.IsNullOrEmpty(outcome) ? null : outcome, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            outcome == "mergedDuplicate" ? mergeInto : null), cancellationToken);
        return await AfterAsync(id, screened.Problem, $"#nomination-{nominationId:N}", cancellationToken);
    }

    public async Task<IActionResult> OnPostJudgeAsync(Guid id, CancellationToken cancellationToken)
    {
        var added = await api.PostAsync<PanelJudge>($"{ManageAwardsApi.Category(id)}/judges", new JudgeBody(JudgeSubject, JudgeName), cancellationToken);
        if (added.Problem is { Status: 400 } invalid)
        {
            ModelState.AddApiProblem(invalid, new Dictionary<string, string> { ["subject"] = nameof(JudgeSubject), ["name"] = nameof(JudgeName) });
            return await LoadAsync(id, cancellationToken) ?? Page();
        }
        return await AfterAsync(id, added.Problem, "#panel", cancellationToken);
    }

    public async Task<IActionResult> OnPostShortlistAsync(Guid id, List<Guid> finalists, CancellationToken cancellationToken)
    {
        var confirmed = await api.PostAsync<NoContent>($"{ManageAwardsApi.Category(id)}/shortlist", new ShortlistBody(finalists), cancellationToken);
        return await AfterAsync(id, confirmed.Problem, "#shortlist", cancellationToken);
    }

    public async Task<IActionResult> OnPostWinnerAsync(Guid id, Guid? winner, CancellationToken cancellationToken)
    {
        var confirmed = await api.PostAsync<NoContent>($"{ManageAwardsApi.Category(id)}/winner", new WinnerBody(winner), cancellationToken);
        return await AfterAsync(id, confirmed.Problem, "#shortlist", cancellationToken);
    }

    /// <summary>Done: back to the page (the POST is not repeated on refresh). Refused: the page again with the service's reason.</summary>
    private async Task<IActionResult> AfterAsync(Guid id, ApiProblem? problem, string anchor, CancellationToken cancellationToken)
    {
        if (problem is null) return Redirect($"/manage/awards/categories/{id}?programmeId={ProgrammeId}{anchor}");
        if (problem.Status is StatusCodes.Status403Forbidden && problem.Code != "judge-while-judging") return PageRefusal.Of(problem);
        Refusal = problem.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? problem.Summary;
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindProgrammeAsync(id, cancellationToken) is not { } programme) return NotFound();
        Programme = programme;
        Category = programme.Categories.First(c => c.Id == id);
        ProgrammeId = programme.Id;

        var judges = await api.GetAsync<Paged<PanelJudge>>($"{ManageAwardsApi.Category(id)}/judges?pageSize=100", cancellationToken);
        if (!judges.Succeeded) return PageRefusal.Of(judges.Problem);
        Judges = judges.Value.Items;

        var nominees = await api.GetAsync<Paged<NomineeGroup>>($"{ManageAwardsApi.Category(id)}/nominees?pageSize=100", cancellationToken);
        if (nominees.Problem is { Code: "judge-while-judging" } secret)
        {
            Withheld = secret.Summary;
            return null;
        }
        if (!nominees.Succeeded) return PageRefusal.Of(nominees.Problem);
        Nominees = nominees.Value.Items;
        var progress = await api.GetAsync<Paged<JudgeProgress>>($"{ManageAwardsApi.Category(id)}/progress?pageSize=100", cancellationToken);
        if (!progress.Succeeded) return PageRefusal.Of(progress.Problem);
        Progress = progress.Value.Items;
        var ranking = await api.GetAsync<Paged<RankedNominee>>($"{ManageAwardsApi.Category(id)}/ranking?pageSize=100", cancellationToken);
        if (!ranking.Succeeded) return PageRefusal.Of(ranking.Problem);
        Ranking = ranking.Value.Items;
        return null;
    }

    /// <summary>The category's programme: the one the link names, else found among every programme.</summary>
    private async Task<StaffProgramme?> FindProgrammeAsync(Guid categoryId, CancellationToken cancellationToken)
    {
        if (ProgrammeId is { } known)
        {
            var programme = await api.GetAsync<StaffProgramme>(ManageAwardsApi.Programme(known), cancellationToken);
            if (programme.Value?.Categories.Any(c => c.Id == categoryId) == true) return programme.Value;
        }
        var all = await api.GetAsync<Paged<StaffProgramme>>($"{ManageAwardsApi.Programmes}?pageSize=100", cancellationToken);
        return all.Value?.Items.FirstOrDefault(p => p.Categories.Any(c => c.Id == categoryId));
    }
}
