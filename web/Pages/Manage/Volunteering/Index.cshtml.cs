using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Manage.Volunteering;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Manage.Volunteering;

/// <summary>
/// Volunteering's front page: an organisation sees its profile and roles; staff see every organisation (approving new
/// ones) and the figures across all of them. Which one is the API's answer: the organisation's profile is refused to
/// staff (403), the staff list to organisations.
/// </summary>
public sealed class IndexModel(PlatformApi api) : PageModel
{
    public bool IsStaff { get; private set; }
    public OrganisationProfile? Profile { get; private set; }
    public IReadOnlyList<RoleView> Roles { get; private set; } = [];
    public IReadOnlyList<OrganisationProfile> Organisations { get; private set; } = [];
    public VolunteeringOverview? Overview { get; private set; }

    /// <summary>Staff: every organisation's roles, whatever their status (the role search answers staff with all of them).</summary>
    public IReadOnlyList<RoleSummary> AllRoles { get; private set; } = [];
    public int AllRolesTotal { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var profile = await api.GetAsync<OrganisationProfile>(ManageVolunteeringApi.Profile, cancellationToken);
        if (profile.Succeeded || profile.Problem.IsNotFound)
        {
            Profile = profile.Value;
            var roles = await api.GetAsync<Paged<RoleView>>($"{ManageVolunteeringApi.Roles}?pageSize=100", cancellationToken);
            if (!roles.Succeeded) return PageRefusal.Of(roles.Problem);
            Roles = roles.Value.Items;
            return Page();
        }

        var organisations = await api.GetAsync<Paged<OrganisationProfile>>($"{ManageVolunteeringApi.StaffOrganisations}?pageSize=100", cancellationToken);
        if (!organisations.Succeeded) return PageRefusal.Of(organisations.Problem);
        IsStaff = true;
        Organisations = organisations.Value.Items;
        var overview = await api.GetAsync<VolunteeringOverview>(ManageVolunteeringApi.StaffOverview, cancellationToken);
        Overview = overview.Value;
        var every = await api.GetAsync<Paged<RoleSummary>>("api/volunteers/roles?pageSize=100", cancellationToken);
        AllRoles = every.Value?.Items ?? [];
        AllRolesTotal = every.Value?.Total ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var approved = await api.PostAsync<OrganisationProfile>($"{ManageVolunteeringApi.StaffOrganisations}/{organisationId}/approve", null, cancellationToken);
        if (!approved.Succeeded) return PageRefusal.Of(approved.Problem);
        return Redirect($"/manage/volunteering?approved={Uri.EscapeDataString(approved.Value.Name)}");
    }
}
