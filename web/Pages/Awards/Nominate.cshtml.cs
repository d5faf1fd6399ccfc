using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.ServiceDefaults.Text;
using Platform.Web.Api;
using Platform.Web.Awards;
using Platform.Web.Site;

namespace Platform.Web.Pages.Awards;

/// <summary>What the nominator types; kept as typed when the form comes back with errors.</summary>
public sealed class NominationForm
{
    public Guid? CategoryId { get; set; }
    public string? NomineeName { get; set; }
    public string? NomineeOrganisation { get; set; }
    public string? NomineeDistrict { get; set; }
    public string? NomineeEmail { get; set; }
    public string? Citation { get; set; }
    public string? NominatorName { get; set; }
    public string? NominatorEmail { get; set; }
    public string? NominatorRelationship { get; set; }
    public bool Consent { get; set; }
}

/// <summary>
/// Nominate someone for one of the programme's categories. The page checks what a person commonly gets wrong (the
/// citation's word limit included) and the Awards service decides the rest; either way the errors sit by their fields.
/// </summary>
public sealed class NominateModel(PlatformApi api, SharedReads reads) : PageModel
{
    /// <summary>The API's JSON paths → the form's fields.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["categoryId"] = "Form.CategoryId",
        ["nominee"] = "Form.NomineeName",
        ["nominee.name"] = "Form.NomineeName",
        ["nominee.organisation"] = "Form.NomineeOrganisation",
        ["nominee.district"] = "Form.NomineeDistrict",
        ["nominee.contactEmail"] = "Form.NomineeEmail",
        ["citation"] = "Form.Citation",
        ["nominator"] = "Form.NominatorName",
        ["nominator.name"] = "Form.NominatorName",
        ["nominator.email"] = "Form.NominatorEmail",
        ["nominator.relationship"] = "Form.NominatorRelationship",
        ["consent"] = "Form.Consent",
    };

    [BindProperty]
    public NominationForm Form { get; set; } = new();

    public Programme Programme { get; private set; } = null!;
    public IReadOnlyList<string> Districts { get; private set; } = [];
    public bool Open { get; private set; }

    /// <summary>The chosen category's limit; before a choice, the largest (the hint names each category's).</summary>
    public int WordLimit => Programme.Categories.FirstOrDefault(c => c.Id == Form.CategoryId)?.CitationWordLimit
                            ?? (Programme.Categories.Count == 0 ? 0 : Programme.Categories.Max(c => c.CitationWordLimit));

    public bool LimitsDiffer => Programme.Categories.Select(c => c.CitationWordLimit).Distinct().Count() > 1;

    public async Task<IActionResult> OnGetAsync(Guid programmeId, CancellationToken cancellationToken) =>
        await LoadAsync(programmeId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, cancellationToken)) return NotFound();
        ModelState.Clear(); // the page's own messages below, in the form's order, replace the binder's
        Check();
        if (!ModelState.IsValid) return Page();

        var body = new NominationBody(
            Form.CategoryId,
            new NomineeBody(Form.NomineeName, Blank(Form.NomineeOrganisation), Blank(Form.NomineeDistrict), Blank(Form.NomineeEmail)),
            Form.Citation,
            new NominatorBody(Form.NominatorName, Form.NominatorEmail?.Trim(), Form.NominatorRelationship),
            Form.Consent);
        var result = await api.PostAsync<NominationCreated>($"api/awards/programmes/{programmeId}/nominations", body, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddApiProblem(result.Problem, Fields);
            return Page();
        }

        TempData["NomineeName"] = result.Value.Nomination.NomineeName;
        TempData["CategoryName"] = result.Value.Nomination.CategoryName;
        TempData["NominatorEmail"] = Form.NominatorEmail?.Trim();
        return RedirectToPage("Nominated", new { programmeId });
    }

    private async Task<bool> LoadAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var programme = await api.GetAsync<Programme>($"api/awards/programmes/{programmeId}", cancellationToken);
        if (!programme.Succeeded) return false;
        Programme = programme.Value;
        Open = Programme.NominationsOpenNow && Programme.Categories.Count > 0;
        var districts = await reads.GetAsync<DistrictList>("api/reference/districts", Freshness.ReferenceData, cancellationToken);
        Districts = districts.Value?.Districts ?? [];
        return true;
    }

    private void Check()
    {
        var category = Programme.Categories.FirstOrDefault(c => c.Id == Form.CategoryId);
        if (category is null) Error("CategoryId", "Select the award you are nominating them for");
        if (string.IsNullOrWhiteSpace(Form.NomineeName)) Error("NomineeName", "Enter the name of the person you are nominating");
        if (!string.IsNullOrWhiteSpace(Form.NomineeEmail) && !Text.IsEmail(Form.NomineeEmail.Trim()))
            Error("NomineeEmail", "Enter their email address in the correct format, like name@example.com");

        var words = Text.WordCount(Form.Citation);
        if (words == 0) Error("Citation", "Enter why they deserve the award");
        else if (category is not null && words > category.CitationWordLimit)
            Error("Citation", $"Why they deserve the award must be {category.CitationWordLimit} words or fewer (you have {words})");

        if (string.IsNullOrWhiteSpace(Form.NominatorName)) Error("NominatorName", "Enter your full name");
        if (string.IsNullOrWhiteSpace(Form.NominatorEmail)) Error("NominatorEmail", "Enter your email address");
        else if (!Text.IsEmail(Form.NominatorEmail.Trim())) Error("NominatorEmail", "Enter your email address in the correct format, like name@example.com");
        if (string.IsNullOrWhiteSpace(Form.NominatorRelationship)) Error("NominatorRelationship", "Enter how you know them");
        if (!Form.Consent) Error("Consent", "Confirm that you may share these details and that we may contact them");
    }

    private void Error(string field, string message) => ModelState.AddModelError($"Form.{field}", message);

    public string? ErrorOf(string field) => FormErrors.Of(ModelState, $"Form.{field}");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
