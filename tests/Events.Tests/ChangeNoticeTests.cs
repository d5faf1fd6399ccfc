using System.Net;
using System.Net.Http.Json;
using Platform.Contracts.Events;
using Platform.Events.Catalogue;
using Platform.Events.Organising;
using IcsCalendar = Ical.Net.Calendar;

namespace Platform.Events.Tests;

/// <summary>
/// Delegates are told when their event's day changes: once the changes settle, one notice each with the final state and
/// a calendar that updates the entries they hold (same UIDs, higher SEQUENCE); a cancellation's calendar removes them.
/// </summary>
public sealed class ChangeNoticeTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Settle = new Infrastructure.EventsOptions().ChangeNoticeSettle;

    private EventsFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await EventsFactory.StartAsync(postgres);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Two_changes_within_the_settle_period_send_each_delegate_one_notice_with_the_final_state_and_an_updated_calendar()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, min: 0, max: 1);
        var confirmed = await RegisterAsync(e, 1);
        await RegisterAsync(e, 2);
        var staff = _factory.CreateStaffClient();
        var request = TestEvents.Request(_factory.Time.GetUtcNow(), min: 0, max: 1);

        var moved = request with { StartsAt = request.StartsAt!.Value.AddDays(1), EndsAt = request.EndsAt!.Value.AddDays(1) };
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/api/events/{e.EventId}", moved)).StatusCode);
        _factory.Time.Advance(Settle / 2);
        var movedAgain = moved with { EndsAt = moved.EndsAt!.Value.AddHours(1), Venue = moved.Venue! with { Name = "Town Hall" } };
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/api/events/{e.EventId}", movedAgain)).StatusCode);

        _factory.Time.Advance(Settle / 2);
        Assert.Equal(0, await _factory.RunChangeNoticesAsync()); // the second change restarted the wait
        _factory.Time.Advance(Settle / 2);
        Assert.Equal(2, await _factory.RunChangeNoticesAsync());
        Assert.Equal(0, await _factory.RunChangeNoticesAsync());

        var notice = await _factory.PublishedAsync<EventChangeNoticeDue>(m => m.Registrant.RegistrationId == confirmed.RegistrationId);
        Assert.Single(_factory.Published<EventChangeNoticeDue>(m => m.PartnershipEventId == e.EventId && m.Registrant.Email == confirmed.Email));
        Assert.Equal(2, _factory.Published<EventChangeNoticeDue>(m => m.PartnershipEventId == e.EventId).Count);
        var time = Assert.Single(notice.Changes, c => c.Aspect == "time");
        Assert.Equal(request.StartsAt!.Value, time.WasStartsAt);
        Assert.Equal(movedAgain.StartsAt!.Value, time.StartsAt);
        Assert.Equal(movedAgain.EndsAt!.Value, time.EndsAt);
        var place = Assert.Single(notice.Changes, c => c.Aspect == "place");
        Assert.StartsWith("City Stadium", place.WasPlace);
        Assert.StartsWith("Town Hall", place.Place);

        var before = IcsCalendar.Load(confirmed.Calendar)!.Events.Single();
        var after = IcsCalendar.Load(notice.Calendar)!.Events.Single();
        Assert.Equal(before.Uid, after.Uid);
        Assert.True(after.Sequence > before.Sequence, $"SEQUENCE {after.Sequence} is not above {before.Sequence}");
        Assert.Equal(movedAgain.StartsAt!.Value.UtcDateTime, after.DtStart!.AsUtc);
        // The programme moved with the day: the keynote still opens the event.
        var keynote = (await (await staff.GetAsync($"/api/events/{e.EventId}")).ReadAsync<EventDetail>()).Programme.Single(x => x.Id == e.Keynote);
        Assert.Equal(movedAgain.StartsAt!.Value, keynote.StartsAt);
        Assert.StartsWith("Town Hall", after.Location);
    }

    [Fact]
    public async Task A_workshops_new_room_reaches_only_the_delegates_holding_a_place_in_it_and_a_change_undone_tells_nobody()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, workshops: [new TestEvents.Workshop(10, 0), new TestEvents.Workshop(10, 0)]);
        var inFirst = await RegisterAsync(e, 1, e.Workshops[0]);
        await RegisterAsync(e, 2, e.Workshops[1]);
        var staff = _factory.CreateStaffClient();
        var detail = await (await staff.GetAsync($"/api/events/{e.EventId}")).ReadAsync<EventDetail>();
        var first = detail.Programme.Single(s => s.Id == e.Workshops[0]);
        var workshop = new SessionRequest(first.Title, "", SessionKind.Workshop, first.StartsAt, first.EndsAt, "Room 9", [], first.Capacity);

        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/api/events/{e.EventId}/sessions/{first.Id}", workshop)).StatusCode);
        _factory.Time.Advance(Settle);
        Assert.Equal(1, await _factory.RunChangeNoticesAsync());

        var notice = await _factory.PublishedAsync<EventChangeNoticeDue>(m => m.PartnershipEventId == e.EventId);
        Assert.Equal(inFirst.RegistrationId, notice.Registrant.RegistrationId);
        var change = Assert.Single(notice.Changes);
        Assert.Equal(("place", true, "Room 1", "Room 9"), (change.Aspect, change.IsWorkshop, change.WasPlace, change.Place));
        Assert.Contains(IcsCalendar.Load(notice.Calendar)!.Events, entry => entry.Location == "Room 9, City Stadium");

        // Moved and moved back before it settled: delegates' calendars already say the right thing.
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/api/events/{e.EventId}/sessions/{first.Id}", workshop with { Room = "Room 3" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/api/events/{e.EventId}/sessions/{first.Id}", workshop)).StatusCode);
        _factory.Time.Advance(Settle);
        Assert.Equal(0, await _factory.RunChangeNoticesAsync());
    }

    [Fact]
    public async Task A_cancellation_carries_each_registrants_cancel_calendar_for_the_entries_they_hold()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, workshops: [new TestEvents.Workshop(10, 0)]);
        var confirmed = await RegisterAsync(e, 1, e.Workshops[0]);

        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateStaffClient().PostAsync($"/api/events/{e.EventId}/cancel", null)).StatusCode);

        var cancelled = await _factory.PublishedAsync<PartnershipEventCancelled>(m => m.PartnershipEventId == e.EventId);
        var calendar = IcsCalendar.Load(Assert.Single(cancelled.Registrants).Calendar!)!;
        Assert.Equal("CANCEL", calendar.Method);
        var held = IcsCalendar.Load(confirmed.Calendar)!.Events;
        Assert.Equal(held.Select(x => x.Uid).Order(), calendar.Events.Select(x => x.Uid).Order());
        Assert.All(calendar.Events, entry =>
        {
            Assert.Equal(Ical.Net.EventStatus.Cancelled, entry.Status);
            Assert.True(entry.Sequence > held.Single(h => h.Uid == entry.Uid).Sequence);
        });
    }

    [Fact]
    public async Task Staff_keep_an_event_out_of_the_alerts_and_a_setting_that_is_not_true_or_false_is_a_400_problem()
    {
        var staff = _factory.CreateStaffClient();
        var request = TestEvents.Request(_factory.Time.GetUtcNow(), min: 0, max: 0) with { SendAlerts = false };
        var created = await (await staff.PostAsJsonAsync("/api/events", request)).ReadAsync<EventDetail>();
        Assert.False(created.SendAlerts);
        // Left out of an edit, the setting stays as it was.
        var edited = await (await staff.PutAsJsonAsync($"/api/events/{created.Id}", request with { SendAlerts = null, Title = "Invitation-only training day" }))
            .ReadAsync<EventDetail>();
        Assert.False(edited.SendAlerts);

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/events/{created.Id}/publish", null)).StatusCode);
        var published = await _factory.PublishedAsync<PartnershipEventPublished>(m => m.PartnershipEventId == created.Id);
        Assert.False(published.SendAlerts);
        Assert.Equal("Castleton", published.District);

        using var bad = await staff.PutAsync($"/api/events/{created.Id}", JsonContent.Create(new { title = "x", sendAlerts = "maybe" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Invitation-only training day", (await (await staff.GetAsync($"/api/events/{created.Id}")).ReadAsync<EventDetail>()).Title);
    }

    private async Task<RegistrationConfirmed> RegisterAsync(TestEvents.Created e, int n, params Guid[] choices)
    {
        var response = await _factory.CreateClient().PostAsJsonAsync($"/api/events/{e.EventId}/registrations", TestEvents.Delegate(n, choices));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var email = $"delegate{n}@example.org";
        return await _factory.PublishedAsync<RegistrationConfirmed>(m => m.PartnershipEventId == e.EventId && m.Email == email);
    }
}
