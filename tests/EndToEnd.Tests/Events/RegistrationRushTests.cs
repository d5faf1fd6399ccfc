using System.Net;
using System.Text.Json;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Events;

/// <summary>
/// 300 delegates, each from their own address (so the gateway's per-IP limit on public writes is not what decides),
/// register at the same moment for a workshop of 40 places: nobody is over-booked and nobody is lost.
/// </summary>
public sealed class RegistrationRushTests(PlatformFixture platform)
{
    private const int Delegates = 300;
    private const int WorkshopPlaces = 40;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_hundred_concurrent_registrations_for_forty_places_end_with_forty_confirmed_and_the_rest_waitlisted()
    {
        var e = await platform.PublishEventAsync(capacity: Delegates, workshopCapacities: [WorkshopPlaces]);
        var workshop = e.Workshops[0];
        var clients = Enumerable.Range(0, Delegates).Select(_ => platform.CreatePublicClient()).ToList();
        try
        {
            using var start = new SemaphoreSlim(0);
            var attempts = clients.Select(async (client, i) =>
            {
                await start.WaitAsync(Cancel);
                using var response = await client.RegisterAsync(e, EventsActors.Delegate(Addresses.Unique($"rush{i}"), workshop));
                var body = await response.Content.ReadAsStringAsync(Cancel);
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"delegate {i}: {(int)response.StatusCode} {body}");
                return JsonDocument.Parse(body).RootElement.GetProperty("registration").ChoiceStatus(workshop);
            }).ToList();
            start.Release(Delegates);
            var statuses = await Task.WhenAll(attempts);

            Assert.Equal(WorkshopPlaces, statuses.Count(s => s == "confirmed"));
            Assert.Equal(Delegates - WorkshopPlaces, statuses.Count(s => s == "waitlisted"));
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }

        // The database agrees: the counters, the rows behind them, and the staff report.
        Assert.Equal(WorkshopPlaces, await platform.App.CountAsync("eventsdb", "SELECT places_taken FROM session WHERE id = @id", ("id", workshop)));
        Assert.Equal(WorkshopPlaces, await platform.App.CountAsync("eventsdb",
            "SELECT count(*) FROM workshop_choice WHERE session_id = @id AND status = 'Confirmed'", ("id", workshop)));
        Assert.Equal(Delegates - WorkshopPlaces, await platform.App.CountAsync("eventsdb",
            "SELECT count(*) FROM workshop_choice WHERE session_id = @id AND status = 'Waitlisted'", ("id", workshop)));
        Assert.Equal(Delegates, await platform.App.CountAsync("eventsdb",
            "SELECT count(*) FROM registration WHERE event_id = @id AND status = 'Confirmed'", ("id", e.Id)));
        Assert.Equal(Delegates, await platform.App.CountAsync("eventsdb", "SELECT places_taken FROM partnership_event WHERE id = @id", ("id", e.Id)));

        var staff = await platform.LoginAsStaffAsync();
        var report = await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/events/{e.Id}/reports/registrations", staff);
        var fill = report.GetProperty("workshops").EnumerateArray().Single(w => w.GetProperty("sessionId").GetGuid() == workshop);
        Assert.Equal(WorkshopPlaces, fill.GetProperty("confirmed").GetInt32());
        Assert.Equal(Delegates - WorkshopPlaces, fill.GetProperty("waitlisted").GetInt32());
    }
}
