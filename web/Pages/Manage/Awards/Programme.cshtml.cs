using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Awards;
using Platform.Web.Manage;
using Platform.Web.Manage.Awards;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.Awards;

/// <summary>
/// One programme: its categories (added with their rubric until judging opens), and its winners under embargo, which
/// lifts by itself at the ceremony or by hand at the moment of presentation.
/// </summary>
public sealed class ProgrammeModel(PlatformApi api) : PageModel
{
    public const int RubricRows = 4;

    public StaffProgramme Programme { get; private set; } = null!;
    public EmbargoedResults Results { get; private set; } = null!;
    [BindProperty] public CategoryForm Form { get; set; } = new();
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostCategoryAsync(Guid id, CancellationToken cancellationToken)
    {
        var rubric = Form.Rubric.Where(c => !string.IsNullOrWhiteSpace(c.Name) || !string.IsNullOrWhiteSpace(c.Key)).ToList();
        var added = await api.PostAsync<StaffCategory>($"{ManageAwardsApi.Programme(id)}/categories",
            new CategoryBody(Form.Name, Form.Eligibility, Form.CitationWordLimit, rubric.Select(c => new CriterionBody(c.Key, c.Name, c.Weight)).ToList()), cancellationToken);
        if (added.Succeeded) return Redirect($"/manage/awards/programmes/{id}");
        if (PageRefusal.Ends(added.Problem)) return PageRefusal.Of(added.Problem);
        var fields = new Dictionary<string, string>
        {
            ["name"] = "Form.Name", ["eligibility"] = "Form.Eligibility", ["citationWordLimit"] = "Form.CitationWordLimit", ["rubric"] = "Form.Rubric[0].Key",
        };
        for (var i = 0; i < rubric.Count; i++)
        {
            fields[$"rubric[{i}].key"] = $"Form.Rubric[{i}].Key";
            fields[$"rubric[{i}].name"] = $"Form.Rubric[{i}].Name";
            fields[$"rubric[{i}].weight"] = $"Form.Rubric[{i}].Weight";
        }
        ModelState.AddApiProblem(added.Problem, fields);
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAnnounceAsync(Guid id, CancellationToken cancellationToken)
    {
        var announced = await api.PostAsync<EmbargoedResults>($"{ManageAwardsApi.Programme(id)}/announce", null, cancellationToken);
        if (announced.Succeeded) return Redirect($"/manage/awards/programmes/{id}#winners");
        if (PageRefusal.Ends(announced.Problem)) return PageRefusal.Of(announced.Problem);
        Refusal = announced.Problem.Summary;
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var programme = await api.GetAsync<StaffProgramme>(ManageAwardsApi.Programme(id), cancellationToken);
        if (!programme.Succeeded) return PageRefusal.Of(programme.Problem);
        Programme = programme.Value;
        var results = await api.GetAsync<EmbargoedResults>($"{ManageAwardsApi.Programme(id)}/winners", cancellationToken);
        if (!results.Succeeded) return PageRefusal.Of(results.Problem);
        Results = results.Value;
        while (Form.Rubric.Count < RubricRows) Form.Rubric.Add(new CriterionForm());
        return null;
    }

    public sealed class CategoryForm
    {
        public string? Name { get; set; }
        public string? Eligibility { get; set; }
        public int? CitationWordLimit { get; set; } = 300;
        public List<CriterionForm> Rubric { get; set; } = [];
    }

    public sealed class CriterionForm
    {
        public string? Key { get; set; }
        public string? Name { get; set; }
        public int? Weight { get; set; }
    }
}
