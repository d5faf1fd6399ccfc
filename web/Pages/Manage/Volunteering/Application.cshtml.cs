using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Manage.Volunteering;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.Volunteering;

/// <summary>One application: the applicant's answers, every move so far with who and when, and the next move (declining needs a reason).</summary>
public sealed class ApplicationModel(PlatformApi api) : PageModel
{
    public OrganisationApplication Application { get; private set; } = null!;

    [BindProperty] public string? Stage { get; set; }
    [BindProperty] public string? Reason { get; set; }

    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string> { ["stage"] = nameof(Stage), ["reason"] = nameof(Reason) };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Stage)) ModelState.AddModelError(nameof(Stage), "Choose where the application goes next");
        else
        {
            var moved = await api.PostAsync<OrganisationApplication>($"{ManageVolunteeringApi.Application(id)}/stage",
                new StageChangeBody(Stage, string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim()), cancellationToken);
            if (moved.Succeeded) return Redirect($"/manage/volunteering/applications/{id}");
            if (PageRefusal.Ends(moved.Problem)) return PageRefusal.Of(moved.Problem);
            ModelState.AddApiProblem(moved.Problem, Fields);
        }
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await api.GetAsync<OrganisationApplication>(ManageVolunteeringApi.Application(id), cancellationToken);
        if (!found.Succeeded) return PageRefusal.Of(found.Problem);
        Application = found.Value;
        return null;
    }
}
