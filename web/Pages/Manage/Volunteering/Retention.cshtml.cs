using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Manage.Volunteering;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Manage.Volunteering;

/// <summary>
/// Retention: still active after 3, 6 and 12 months, median tenure, and who is at risk of leaving. An organisation sees
/// its own volunteers by category; staff see every organisation's, by organisation.
/// </summary>
public sealed class RetentionModel(PlatformApi api, CurrentManageUser currentUser) : PageModel
{
    public RetentionReport Report { get; private set; } = null!;
    public BarChart StillActive { get; private set; } = null!;
    public BarChart MedianTenure { get; private set; } = null!;
    public IReadOnlyList<(string Name, string? Organisation, DateTimeOffset Since, IReadOnlyList<string> Reasons)> AtRisk { get; private set; } = [];
    public int AtRiskTotal { get; private set; }
    public bool IsStaff { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        IsStaff = (await currentUser.GetAsync(cancellationToken)).IsStaff;
        var report = await api.GetAsync<RetentionReport>(IsStaff ? ManageVolunteeringApi.StaffRetention : ManageVolunteeringApi.Retention, cancellationToken);
        if (!report.Succeeded) return PageRefusal.Of(report.Problem);
        Report = report.Value;
        StillActive = RetentionCharts.StillActive(Report);
        MedianTenure = IsStaff
            ? RetentionCharts.MedianTenure(Report, "Organisation", g => g)
            : RetentionCharts.MedianTenure(Report, "Area", VolunteeringWords.Category);

        if (IsStaff)
        {
            var atRisk = await api.GetAsync<Paged<StaffAtRiskVolunteer>>($"{ManageVolunteeringApi.StaffAtRisk}?pageSize=100", cancellationToken);
            if (!atRisk.Succeeded) return PageRefusal.Of(atRisk.Problem);
            AtRisk = atRisk.Value.Items.Select(v => (v.Name, (string?)v.OrganisationName, v.AtRiskSince, v.Reasons)).ToList();
            AtRiskTotal = atRisk.Value.Total;
        }
        else
        {
            var atRisk = await api.GetAsync<Paged<AtRiskVolunteer>>($"{ManageVolunteeringApi.AtRisk}?pageSize=100", cancellationToken);
            if (!atRisk.Succeeded) return PageRefusal.Of(atRisk.Problem);
            AtRisk = atRisk.Value.Items.Select(v => (v.Name, (string?)null, v.AtRiskSince, v.Reasons)).ToList();
            AtRiskTotal = atRisk.Value.Total;
        }
        return Page();
    }
}
