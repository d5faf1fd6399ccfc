using System.Net;
using System.Net.Http.Json;
using Platform.Events.Delegates;
using Platform.Events.Managing;
using Platform.Events.Registrations;
using Platform.Events.Reports;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.TestSupport;

namespace Platform.Events.Tests;

/// <summary>What the staff pages read: the delegate list, a workshop's places and waitlist, and registrations by day.</summary>
public sealed class DelegatesTests(PostgresServer postgres) : EventsTest(postgres)
{
    [Fact]
    public async Task Staff_find_delegates_by_name_email_organisation_or_check_in_code_and_by_status()
    {
        var ct = TestContext.Current.CancellationToken;
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(10, 0)]);
        var ids = new List<RegistrationView>();
        for (var n = 1; n <= 3; n++, Factory.Time.Advance(TimeSpan.FromMinutes(1)))
            ids.Add((await (await Client.PostAsJsonAsync($"/api/events/{e.EventId}/registrations", TestEvents.Delegate(n, e.Workshops[0])
                with
            { Organisation = n == 3 ? "Riverside 100% Fire" : "Northside Council" }, ct)).ReadAsync<RegistrationCreated>()).Registration);
        var staff = Factory.CreateStaffClient();
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/events/{e.EventId}/registrations/{ids[1].Id}/cancel",
            new StaffCancellationRequest("Made up"), ct)).StatusCode);

        var all = await List(staff, $"/api/events/{e.EventId}/registrations");
        Assert.Equal(3, all.Total);
        Assert.Equal(ids.Select(r => r.Id).Reverse(), all.Items.Select(r => r.Id));
        var cancelled = all.Items.Single(r => r.Id == ids[1].Id);
        Assert.Equal((RegistrationStatus.Cancelled, "Made up"), (cancelled.Status, cancelled.CancellationReason));
        Assert.Empty(cancelled.Choices);
        Assert.Equal([new DelegateChoice(e.Workshops[0], "Workshop 1", ChoiceStatus.Confirmed)], all.Items[0].Choices);

        Assert.Equal([ids[0].Id], (await List(staff, $"/api/events/{e.EventId}/registrations?search=delegate%201")).Items.Select(r => r.Id));
        Assert.Equal([ids[2].Id], (await List(staff, $"/api/events/{e.EventId}/registrations?search=DELEGATE3@EXAMPLE")).Items.Select(r => r.Id));
        // % is typed, not a wildcard: only the organisation that has one matches.
        Assert.Equal([ids[2].Id], (await List(staff, $"/api/events/{e.EventId}/registrations?search=100%25")).Items.Select(r => r.Id));
        var code = ids[0].CheckInCode.ToLowerInvariant().Insert(4, "-");
        Assert.Equal([ids[0].Id], (await List(staff, $"/api/events/{e.EventId}/registrations?search={code}")).Items.Select(r => r.Id));
        Assert.Equal([ids[2].Id, ids[0].Id], (await List(staff, $"/api/events/{e.EventId}/registrations?status=confirmed")).Items.Select(r => r.Id));

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/events/{e.EventId}/check-ins", new CheckIn.CheckInRequest(ids[2].CheckInCode), ct)).StatusCode);
        Assert.Equal([ids[2].Id], (await List(staff, $"/api/events/{e.EventId}/registrations?checkedIn=true")).Items.Select(r => r.Id));
        Assert.Equal([ids[1].Id, ids[0].Id], (await List(staff, $"/api/events/{e.EventId}/registrations?checkedIn=false")).Items.Select(r => r.Id));

        var one = await (await staff.GetAsync($"/api/events/{e.EventId}/registrations/{ids[0].Id}", ct)).ReadAsync<DelegateRow>();
        Assert.Equal(("Delegate 1", ids[0].CheckInCode), (one.Name, one.CheckInCode));
        Assert.Equal(all.Items[^1].Choices, one.Choices);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/events/{Guid.NewGuid()}/registrations/{ids[0].Id}", ct)).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"/api/events/{e.EventId}/registrations?search={new string('x', 201)}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/events/{Guid.NewGuid()}/registrations", ct)).StatusCode);
        // An organisation's users run only their own organisation's events: the office's does not exist for them.
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClientAs(PlatformClaims.Roles.Organisation, Guid.NewGuid())
            .GetAsync($"/api/events/{e.EventId}/registrations", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync($"/api/events/{e.EventId}/registrations", ct)).StatusCode);
    }

    [Fact]
    public async Task A_workshop_s_list_shows_its_places_then_its_waitlist_in_offer_order_with_positions_across_pages()
    {
        var ct = TestContext.Current.CancellationToken;
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(1, 0), new(5, 1)]);
        var names = new List<string>();
        for (var n = 1; n <= 4; n++)
        {
            Assert.Equal(HttpStatusCode.Created,
                (await Client.PostAsJsonAsync($"/api/events/{e.EventId}/registrations", TestEvents.Delegate(n, e.Workshops[0]), ct)).StatusCode);
            names.Add($"Delegate {n}");
            Factory.Time.Advance(TimeSpan.FromMinutes(1));
        }
        var staff = Factory.CreateStaffClient();
        var path = $"/api/events/{e.EventId}/sessions/{e.Workshops[0]}/delegates";

        var whole = await Workshop(staff, path);
        Assert.Equal(4, whole.Total);
        Assert.Equal(names, whole.Items.Select(d => d.Name));
        Assert.Equal([ChoiceStatus.Confirmed, ChoiceStatus.Waitlisted, ChoiceStatus.Waitlisted, ChoiceStatus.Waitlisted], whole.Items.Select(d => d.Status));
        Assert.Equal([null, 1, 2, 3], whole.Items.Select(d => d.WaitlistPosition));

        var second = await Workshop(staff, path + "?pageSize=2&page=2");
        Assert.Equal([2, 3], second.Items.Select(d => d.WaitlistPosition));
        var waiting = await Workshop(staff, path + "?status=waitlisted&pageSize=2&page=2");
        Assert.Equal(["Delegate 4"], waiting.Items.Select(d => d.Name));
        Assert.Equal([3], waiting.Items.Select(d => d.WaitlistPosition));
        Assert.Equal(0, (await Workshop(staff, $"/api/events/{e.EventId}/sessions/{e.Workshops[1]}/delegates")).Total);

        Assert.Empty(await PagingBounds.UnrefusedAsync(staff, path));
        Assert.Empty(await PagingBounds.UnrefusedAsync(staff, $"/api/events/{e.EventId}/registrations"));
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync(path + "?status=declined", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/events/{Guid.NewGuid()}/sessions/{e.Workshops[0]}/delegates", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/events/{e.EventId}/sessions/{Guid.NewGuid()}/delegates", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Factory.CreateClientAs(PlatformClaims.Roles.Partner).GetAsync(path, ct)).StatusCode);
    }

    [Fact]
    public async Task The_report_counts_registrations_and_cancellations_by_uk_day_with_quiet_days_and_a_running_total()
    {
        var ct = TestContext.Current.CancellationToken;
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(10, 0)]);
        var first = Factory.Time.GetUtcNow();
        var made = new List<Guid>();
        foreach (var (n, after) in new[] { (1, 0), (2, 0), (3, 2) })
        {
            Factory.Time.Advance(TimeSpan.FromDays(after));
            made.Add((await (await Client.PostAsJsonAsync($"/api/events/{e.EventId}/registrations", TestEvents.Delegate(n, e.Workshops[0]), ct))
                .ReadAsync<RegistrationCreated>()).Registration.Id);
        }
        var staff = Factory.CreateStaffClient();
        Factory.Time.Advance(TimeSpan.FromDays(1));
        await staff.PostAsJsonAsync($"/api/events/{e.EventId}/registrations/{made[0]}/cancel", new StaffCancellationRequest("Duplicate"), ct);

        var report = await (await staff.GetAsync($"/api/events/{e.EventId}/reports/registrations", ct)).ReadAsync<RegistrationReport>();

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(first, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);
        Assert.Equal(
            [new(day, 2, 0, 2), new(day.AddDays(1), 0, 0, 2), new(day.AddDays(2), 1, 0, 3), new(day.AddDays(3), 0, 1, 2)],
            report.ByDay);
        Assert.Equal(report.Registered, report.ByDay[^1].Total);
    }

    private static async Task<Paged<DelegateRow>> List(HttpClient staff, string path) =>
        await (await staff.GetAsync(path, TestContext.Current.CancellationToken)).ReadAsync<Paged<DelegateRow>>();

    private static async Task<Paged<WorkshopDelegate>> Workshop(HttpClient staff, string path) =>
        await (await staff.GetAsync(path, TestContext.Current.CancellationToken)).ReadAsync<Paged<WorkshopDelegate>>();
}
