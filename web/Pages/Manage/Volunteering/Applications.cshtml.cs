using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Manage.Volunteering;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Manage.Volunteering;

/// <summary>
/// The applications board: the organisation's applications in a column per pipeline stage, each with its next moves.
/// A move goes to the service, which decides whether it is allowed; a refused move comes back as a message on the board.
/// </summary>
public sealed class ApplicationsModel(PlatformApi api) : PageModel
{
    public const int BoardSize = 100;

    [BindProperty(SupportsGet = true)] public Guid? RoleId { get; set; }
    public IReadOnlyList<OrganisationApplication> Applications { get; private set; } = [];
    public int Total { get; private set; }
    public RoleView? Role { get; private set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostMoveAsync(Guid applicationId, string? stage, CancellationToken cancellationToken)
    {
        var moved = await api.PostAsync<OrganisationApplication>($"{ManageVolunteeringApi.Application(applicationId)}/stage",
            new StageChangeBody(string.IsNullOrWhiteSpace(stage) ? null : stage, null), cancellationToken);
        if (moved.Succeeded)
            return Redirect($"/manage/volunteering/applications{(RoleId is { } r ? $"?roleId={r}" : "")}#application-{applicationId}");
        if (PageRefusal.Ends(moved.Problem)) return PageRefusal.Of(moved.Problem);
        Refusal = moved.Problem.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? moved.Problem.Summary;
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public IEnumerable<OrganisationApplication> In(string stage) =>
        Applications.Where(a => string.Equals(a.Stage, stage, StringComparison.OrdinalIgnoreCase));

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (RoleId is { } roleId)
        {
            var role = await api.GetAsync<RoleView>(ManageVolunteeringApi.Role(roleId), cancellationToken);
            if (!role.Succeeded) return PageRefusal.Of(role.Problem);
            Role = role.Value;
        }
        var path = $"{ManageVolunteeringApi.Applications}?pageSize={BoardSize}{(RoleId is { } id ? $"&roleId={id}" : "")}";
        var found = await api.GetAsync<Paged<OrganisationApplication>>(path, cancellationToken);
        if (!found.Succeeded) return PageRefusal.Of(found.Problem);
        Applications = found.Value.Items;
        Total = found.Value.Total;
        return null;
    }
}
