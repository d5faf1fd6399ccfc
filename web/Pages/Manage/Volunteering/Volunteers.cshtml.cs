using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Manage.Volunteering;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Manage.Volunteering;

/// <summary>The organisation's volunteers, the hours waiting for its approval, and the checks and qualifications to renew.</summary>
public sealed class VolunteersModel(PlatformApi api) : PageModel
{
    public IReadOnlyList<OrganisationVolunteer> Volunteers { get; private set; } = [];
    public int VolunteersTotal { get; private set; }
    public IReadOnlyList<OrganisationHours> PendingHours { get; private set; } = [];
    public IReadOnlyList<ExpiringCredential> Expiring { get; private set; } = [];
    public string? Refusal { get; private set; }

    public string NameOf(Guid volunteerId) => Volunteers.FirstOrDefault(v => v.Id == volunteerId)?.Name ?? "A volunteer";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public Task<IActionResult> OnPostApproveAsync(Guid hoursId, CancellationToken cancellationToken) => DecideAsync(hoursId, "approve", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid hoursId, CancellationToken cancellationToken) => DecideAsync(hoursId, "reject", cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid hoursId, string decision, CancellationToken cancellationToken)
    {
        var decided = await api.PostAsync<OrganisationHours>($"{ManageVolunteeringApi.Hours}/{hoursId}/{decision}", null, cancellationToken);
        if (decided.Succeeded) return Redirect("/manage/volunteering/volunteers#hours");
        if (PageRefusal.Ends(decided.Problem)) return PageRefusal.Of(decided.Problem);
        Refusal = decided.Problem.Summary;
        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var volunteers = await api.GetAsync<Paged<OrganisationVolunteer>>($"{ManageVolunteeringApi.Volunteers}?pageSize=100", cancellationToken);
        if (!volunteers.Succeeded) return PageRefusal.Of(volunteers.Problem);
        Volunteers = volunteers.Value.Items;
        VolunteersTotal = volunteers.Value.Total;
        var hours = await api.GetAsync<Paged<OrganisationHours>>($"{ManageVolunteeringApi.Hours}?status=pending&pageSize=100", cancellationToken);
        if (!hours.Succeeded) return PageRefusal.Of(hours.Problem);
        PendingHours = hours.Value.Items;
        var expiring = await api.GetAsync<Paged<ExpiringCredential>>($"{ManageVolunteeringApi.ExpiringCredentials}?withinDays=60&pageSize=100", cancellationToken);
        if (!expiring.Succeeded) return PageRefusal.Of(expiring.Problem);
        Expiring = expiring.Value.Items;
        return null;
    }
}
