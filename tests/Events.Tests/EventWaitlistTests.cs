using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Events.Managing;
using Platform.Events.Registrations;
using Platform.Events.Waitlists;

namespace Platform.Events.Tests;

/// <summary>A full event that keeps a waitlist: people queue, and a freed place registers the first of them.</summary>
public sealed class EventWaitlistTests(PostgresServer postgres) : EventsTest(postgres)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<int> PromoteAsync() => Factory.RunAsync<EventWaitlistPromotion, int>(p => p.PromoteAsync(Cancel));

    private Task<HttpResponseMessage> RegisterAsync(Guid eventId, int n) =>
        Client.PostAsJsonAsync($"/api/events/{eventId}/registrations", TestEvents.Delegate(n), Cancel);

    [Fact]
    public async Task A_freed_place_registers_the_first_waiting_person_and_nobody_jumps_the_queue()
    {
        var staff = Factory.CreateStaffClient();
        var e = await TestEvents.CreatePublishedAsync(Factory, capacity: 1, min: 0, max: 0);
        var request = TestEvents.Request(Factory.Time.GetUtcNow(), capacity: 1, min: 0, max: 0) with { WaitlistWhenFull = true };
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/api/events/{e.EventId}", request, Cancel)).StatusCode);

        var first = await RegisterAsync(e.EventId, 1);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstId = (await first.ReadAsync<RegistrationCreated>()).Registration.Id;
        var second = await RegisterAsync(e.EventId, 2);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(1, (await second.ReadAsync<EventWaitlistPlace>()).Position);
        Assert.Equal(2, (await (await RegisterAsync(e.EventId, 3)).ReadAsync<EventWaitlistPlace>()).Position);
        // A repeat keeps its place rather than queueing twice.
        Assert.Equal(1, (await (await RegisterAsync(e.EventId, 2)).ReadAsync<EventWaitlistPlace>()).Position);
        Assert.Equal(0, await PromoteAsync());

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync(
            $"/api/events/{e.EventId}/registrations/{firstId}/cancel", new StaffCancellationRequest("Cannot come"), Cancel)).StatusCode);
        // The place is free, but people are waiting: a newcomer queues behind them.
        Assert.Equal(HttpStatusCode.Accepted, (await RegisterAsync(e.EventId, 4)).StatusCode);

        Assert.Equal(1, await PromoteAsync());
        var confirmed = await Factory.PublishedAsync<RegistrationConfirmed>(m => m.PartnershipEventId == e.EventId && m.Email == "delegate2@example.org");
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Events.Where(x => x.Id == e.EventId).Select(x => x.PlacesTaken).FirstAsync(Cancel)));
        var queue = await Factory.WithDbAsync(db => db.EventWaitlist.Where(w => w.EventId == e.EventId)
            .OrderBy(w => w.QueuedAt).ThenBy(w => w.Id).Select(w => new { w.Email, w.Status, w.RegistrationId }).ToListAsync(Cancel));
        Assert.Equal([EventWaitlistStatus.Promoted, EventWaitlistStatus.Waiting, EventWaitlistStatus.Waiting], queue.Select(w => w.Status));
        Assert.Equal(confirmed.RegistrationId, queue[0].RegistrationId);
        Assert.Equal(0, await PromoteAsync());
        Assert.Equal(1, (await (await RegisterAsync(e.EventId, 3)).ReadAsync<EventWaitlistPlace>()).Position);
    }

    [Fact]
    public async Task An_event_without_a_waitlist_still_refuses_when_full()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, capacity: 1, min: 0, max: 0);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(e.EventId, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await RegisterAsync(e.EventId, 2)).StatusCode);
    }
}
