using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Events.Infrastructure;
using Platform.Events.Managing;
using Platform.Events.Registrations;
using Platform.ServiceDefaults.Identity;

namespace Platform.Events.Tests;

/// <summary>
/// Places for an address nobody has proved are only held: the emailed link confirms them, a hold left to lapse is
/// cancelled and its places go to the waitlist; staff can cancel any registration.
/// </summary>
public sealed class UnconfirmedHoldTests(PostgresServer postgres) : EventsTest(postgres)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<Registered> RegisterAsync(Guid eventId, int n, params Guid[] choices)
    {
        var response = await Client.PostAsJsonAsync($"/api/events/{eventId}/registrations", TestEvents.Delegate(n, choices), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.RegisteredAsync(Factory);
    }

    private async Task<RegistrationView> ViewAsync(string token) =>
        await (await Client.GetAsync($"/api/events/registrations/{token}", Cancel)).ReadAsync<RegistrationView>();

    private Task<(int Event, int Workshop)> PlacesTakenAsync(TestEvents.Created e) => Factory.WithDbAsync(async db =>
        (await db.Events.Where(x => x.Id == e.EventId).Select(x => x.PlacesTaken).FirstAsync(Cancel),
         await db.Sessions.Where(s => s.Id == e.Workshops[0]).Select(s => s.PlacesTaken).FirstAsync(Cancel)));

    [Fact]
    public async Task A_hold_never_confirmed_lapses_after_a_day_and_its_place_is_offered_to_the_first_waiting()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(1, 0)]);
        var squatter = await RegisterAsync(e.EventId, 1, e.Workshops[0]);
        var waiting = await RegisterAsync(e.EventId, 2, e.Workshops[0]);
        Assert.Equal(Factory.Time.GetUtcNow().AddHours(24), squatter.Registration.ConfirmByAt);

        Factory.Time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await Factory.RunHoldSweepAsync());
        Factory.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(2, await Factory.RunHoldSweepAsync());

        var lapsed = await Factory.WithDbAsync(db => db.Registrations.FirstAsync(r => r.Id == squatter.Registration.Id, Cancel));
        Assert.Equal(RegistrationStatus.Cancelled, lapsed.Status);
        Assert.Equal(UnconfirmedHolds.Lapsed, lapsed.CancelledBy);
        Assert.Equal((0, 0), await PlacesTakenAsync(e));
        await Factory.PublishedAsync<RegistrationCancelled>(m => m.RegistrationId == squatter.Registration.Id);

        // Opening the link after the hold lapsed is too late, and says so.
        var late = await Client.PostAsync($"/api/events/registrations/{squatter.ManageToken}/confirm", null, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("registration-cancelled", (await late.ReadAsync<ProblemDetails>()).Extensions["rule"]?.ToString());
        Assert.Equal(RegistrationStatus.Cancelled, (await ViewAsync(waiting.ManageToken)).Status);
    }

    [Fact]
    public async Task Opening_the_link_confirms_the_places_for_good_and_the_sweep_frees_only_the_unconfirmed()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(1, 0)]);
        var honest = await RegisterAsync(e.EventId, 1, e.Workshops[0]);
        var waiting = await RegisterAsync(e.EventId, 2, e.Workshops[0]);

        var confirmed = await Client.PostAsync($"/api/events/registrations/{honest.ManageToken}/confirm", null, Cancel);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var view = await confirmed.ReadAsync<RegistrationView>();
        Assert.True(view.EmailConfirmed);
        Assert.Null(view.ConfirmByAt);
        // Again (a second tab, a reload): the same answer.
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/events/registrations/{honest.ManageToken}/confirm", null, Cancel)).StatusCode);

        Factory.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await Factory.RunHoldSweepAsync());
        Assert.Equal(RegistrationStatus.Confirmed, (await ViewAsync(honest.ManageToken)).Status);
        Assert.Equal(RegistrationStatus.Cancelled, (await ViewAsync(waiting.ManageToken)).Status);
        Assert.Equal((1, 1), await PlacesTakenAsync(e));
    }

    [Fact]
    public async Task A_lapsed_workshop_place_goes_to_a_confirmed_delegate_waiting_for_it()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(1, 0)]);
        var squatter = await RegisterAsync(e.EventId, 1, e.Workshops[0]);
        var waiting = await RegisterAsync(e.EventId, 2, e.Workshops[0]);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/events/registrations/{waiting.ManageToken}/confirm", null, Cancel)).StatusCode);

        Factory.Time.Advance(TimeSpan.FromHours(25));
        Assert.Equal(1, await Factory.RunHoldSweepAsync());
        await Factory.RunPromotionAsync();

        Assert.Equal(ChoiceStatus.Offered, Assert.Single((await ViewAsync(waiting.ManageToken)).Choices).Status);
        Assert.Equal(RegistrationStatus.Cancelled, (await ViewAsync(squatter.ManageToken)).Status);
    }

    [Fact]
    public void Close_to_the_event_the_hold_is_two_hours_and_never_past_the_start()
    {
        var options = new EventsOptions();
        var now = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(now.AddHours(24), ConfirmationHold.ExpiresAt(now, now.AddDays(30), options));
        Assert.Equal(now.AddHours(2), ConfirmationHold.ExpiresAt(now, now.AddDays(2), options));
        Assert.Equal(now.AddMinutes(30), ConfirmationHold.ExpiresAt(now, now.AddMinutes(30), options));
    }

    [Fact]
    public async Task Staff_cancel_any_registration_with_a_reason_that_is_kept_and_the_delegate_is_told()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(1, 0)]);
        var fake = await RegisterAsync(e.EventId, 1, e.Workshops[0]);
        var path = $"/api/events/{e.EventId}/registrations/{fake.Registration.Id}/cancel";

        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.PostAsJsonAsync(path, new StaffCancellationRequest("spam"), Cancel)).StatusCode);
        // An organisation's users run only their own organisation's events: the office's does not exist for them.
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClientAs(PlatformClaims.Roles.Organisation)
            .PostAsJsonAsync(path, new StaffCancellationRequest("spam"), Cancel)).StatusCode);
        var staff = Factory.CreateStaffClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync(path, new StaffCancellationRequest(" "), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync(
            $"/api/events/{e.EventId}/registrations/{Guid.CreateVersion7()}/cancel", new StaffCancellationRequest("spam"), Cancel)).StatusCode);
        Assert.Equal(RegistrationStatus.Confirmed, (await ViewAsync(fake.ManageToken)).Status);

        var cancelled = await staff.PostAsJsonAsync(path, new StaffCancellationRequest("One of forty made from the same address"), Cancel);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(RegistrationStatus.Cancelled, (await cancelled.ReadAsync<RegistrationView>()).Status);
        var stored = await Factory.WithDbAsync(db => db.Registrations.FirstAsync(r => r.Id == fake.Registration.Id, Cancel));
        Assert.Equal("staff-1", stored.CancelledBy);
        Assert.Equal("One of forty made from the same address", stored.CancellationReason);
        Assert.Equal((0, 0), await PlacesTakenAsync(e));
        await Factory.PublishedAsync<RegistrationCancelled>(m => m.RegistrationId == fake.Registration.Id);

        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync(path, new StaffCancellationRequest("again"), Cancel)).StatusCode);
    }
}
