using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Manage.Volunteering;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Manage.Volunteering;

/// <summary>One of the organisation's roles: open a draft, close it, and see who applied. Another organisation's role is a 404.</summary>
public sealed class RoleModel(PlatformApi api) : PageModel
{
    public RoleView Role { get; private set; } = null!;
    public IReadOnlyList<OrganisationApplication> Applications { get; private set; } = [];
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken cancellationToken) => ChangeAsync(id, "open", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken) => ChangeAsync(id, "close", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, string change, CancellationToken cancellationToken)
    {
        var changed = await api.PostAsync<RoleView>($"{ManageVolunteeringApi.Role(id)}/{change}", null, cancellationToken);
        if (changed.Succeeded) return Redirect($"/manage/volunteering/roles/{id}");
        if (PageRefusal.Ends(changed.Problem)) return PageRefusal.Of(changed.Problem);
        Refusal = changed.Problem.Summary;
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var role = await api.GetAsync<RoleView>(ManageVolunteeringApi.Role(id), cancellationToken);
        if (!role.Succeeded) return PageRefusal.Of(role.Problem);
        Role = role.Value;
        var applications = await api.GetAsync<Paged<OrganisationApplication>>($"{ManageVolunteeringApi.Applications}?roleId={id}&pageSize=100", cancellationToken);
        if (!applications.Succeeded) return PageRefusal.Of(applications.Problem);
        Applications = applications.Value.Items;
        return null;
    }
}
