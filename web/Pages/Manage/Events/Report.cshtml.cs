using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Events;
using Platform.Web.Manage;
using Platform.Web.Manage.Events;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>
/// An event's report: registrations over time, how full each workshop is, the sectors that came, and attendance, each
/// a chart drawn on the server with its numbers as a table; who has checked in; and the CSV of every registration.
/// </summary>
public sealed class ReportModel(PlatformApi api) : StaffEventPage(api)
{
    public const int CheckedInShown = 50;

    public RegistrationReport Report { get; private set; } = null!;
    public AttendanceFigures Attendance { get; private set; } = null!;
    public Paged<DelegateRow> CheckedIn { get; private set; } = null!;

    public LineChart OverTime => new("registrations-over-time", "Delegates registered, day by day", "Registered",
        Report.ByDay.Select(d => new ChartPoint(d.Date, d.Total)).ToList());

    public BarChart WorkshopFill => new("workshop-fill", "How full each workshop is (per cent of its places taken)", "Workshop", "Per cent of places taken",
        Report.Workshops.Select(w => new ChartBar(w.Title, w.Capacity == 0 ? 0 : Math.Round(100.0 * w.PlacesTaken / w.Capacity))).ToList());

    public BarChart Sectors => new("sectors", "Registered delegates by sector", "Sector", "Delegates",
        Report.BySector.Select(s => new ChartBar(EventsDeskWords.Sector(s.Key) is { } sector ? EventWords.Sector(sector) : s.Key, s.Count)).ToList());

    public BarChart Attended => new("attendance", "Registered and checked in", "Delegates", "Number",
        [new ChartBar("Registered", Attendance.Registered), new ChartBar("Checked in", Attendance.CheckedIn), new ChartBar("Not checked in", Math.Max(0, Attendance.Registered - Attendance.CheckedIn))]);

    public BarChart AccessNeeds => new("access-needs", "Access needs by kind (confirmed delegates)", "Access need", "Delegates",
        (Report.Needs?.AccessNeeds ?? []).Select(n => new ChartBar(EventsDeskWords.NeedKind(n.Key), n.Count)).ToList());

    public BarChart DietaryRequirements => new("dietary-requirements", "Dietary requirements by kind (confirmed delegates)", "Dietary requirement", "Delegates",
        (Report.Needs?.DietaryRequirements ?? []).Select(n => new ChartBar(EventsDeskWords.NeedKind(n.Key), n.Count)).ToList());

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        var report = await Api.GetAsync<RegistrationReport>($"api/events/{id}/reports/registrations", ct);
        var attendance = await Api.GetAsync<AttendanceFigures>($"api/events/{id}/attendance", ct);
        var checkedIn = await Api.GetAsync<Paged<DelegateRow>>($"api/events/{id}/registrations?checkedIn=true&status=confirmed&pageSize={CheckedInShown}", ct);
        if (!report.Succeeded || !attendance.Succeeded || !checkedIn.Succeeded) return NotFound();
        (Report, Attendance, CheckedIn) = (report.Value, attendance.Value, checkedIn.Value);
        return Page();
    }
}
