using System.Net;
using System.Net.Http.Json;
using System.Text;
using Platform.Contracts.Events;
using Platform.Events.Registrations;
using Platform.Events.Reports;
using Platform.ServiceDefaults.Identity;

namespace Platform.Events.Tests;

public sealed class ReportsTests(PostgresServer postgres) : IAsyncLifetime
{
    private EventsFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await EventsFactory.StartAsync(postgres);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Staff_see_sectors_organisations_workshop_fill_and_a_safe_csv()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, workshops: [new(1, 0)]);
        var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created,
            (await client.PostAsJsonAsync($"/api/events/{e.EventId}/registrations", TestEvents.Delegate(1, e.Workshops[0]))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/events/{e.EventId}/registrations",
            TestEvents.Delegate(2, e.Workshops[0]) with { Sector = Sector.Police, Organisation = "=HYPERLINK(\"http://evil\")" })).StatusCode);
        var staff = _factory.CreateStaffClient();

        var report = await (await staff.GetAsync($"/api/events/{e.EventId}/reports/registrations")).ReadAsync<RegistrationReport>();
        Assert.Equal(2, report.Registered);
        Assert.Equal(2, report.Registered);
        Assert.Equal(1, report.BySector.Single(s => s.Key == "police").Count);
        Assert.Equal(0, report.BySector.Single(s => s.Key == "health").Count);
        Assert.Equal(2, report.ByOrganisation.Count);
        var workshop = Assert.Single(report.Workshops);
        Assert.Equal((1, 1, 1), (workshop.PlacesTaken, workshop.Confirmed, workshop.Waitlisted));

        var csv = await staff.GetAsync($"/api/events/{e.EventId}/reports/registrations.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", text);

        Assert.Equal(HttpStatusCode.Forbidden,
            (await _factory.CreateClientAs(PlatformClaims.Roles.Partner).GetAsync($"/api/events/{e.EventId}/reports/registrations")).StatusCode);
    }

    [Fact]
    public async Task A_reminder_is_due_once_within_the_configured_time_before_the_start()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, workshops: [new(5, 0)]);
        await _factory.CreateClient().PostAsJsonAsync($"/api/events/{e.EventId}/registrations", TestEvents.Delegate(1, e.Workshops[0]));

        Assert.Equal(0, await _factory.RunRemindersAsync());
        _factory.Time.Advance(TimeSpan.FromDays(28.5));
        Assert.Equal(1, await _factory.RunRemindersAsync());
        Assert.Equal(0, await _factory.RunRemindersAsync());

        var reminder = await _factory.PublishedAsync<PartnershipEventReminderDue>(m => m.PartnershipEventId == e.EventId);
        Assert.Single(reminder.Registrants);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_endpoints()
    {
        var document = await _factory.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/events/{eventId}/registrations", document);
        Assert.Contains("/api/events/registrations/{token}/choices", document);
        Assert.Contains("\"422\"", document);
    }
}
