using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Events.Registrations;

namespace Platform.Events.Tests;

/// <summary>Manage links and waitlists that promote themselves, with the clock moved by hand.</summary>
public sealed class WaitlistTests(PostgresServer postgres) : EventsTest(postgres)
{
    private async Task<Registered> RegisterAsync(Guid eventId, int n, params Guid[] choices)
    {
        var response = await Client.PostAsJsonAsync($"/api/events/{eventId}/registrations", TestEvents.Delegate(n, choices));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.RegisteredAsync(Factory);
    }

    private async Task<RegistrationView> ViewAsync(string token) =>
        await (await Client.GetAsync($"/api/events/registrations/{token}")).ReadAsync<RegistrationView>();

    private Task<int> PlacesTakenAsync(Guid sessionId) =>
        Factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.PlacesTaken).FirstAsync());

    [Fact]
    public async Task The_manage_link_views_and_changes_choices_subject_to_the_rules()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(5, 0), new(5, 0)]);
        var delegate1 = await RegisterAsync(e.EventId, 1, e.Workshops[0]);

        var view = await ViewAsync(delegate1.ManageToken);
        Assert.Equal(e.Workshops[0], Assert.Single(view.Choices).SessionId);

        var clash = await Client.PutAsJsonAsync($"/api/events/registrations/{delegate1.ManageToken}/choices",
            new ChangeChoicesRequest([e.Workshops[0], e.Workshops[1]]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, clash.StatusCode);

        var changed = await Client.PutAsJsonAsync($"/api/events/registrations/{delegate1.ManageToken}/choices",
            new ChangeChoicesRequest([e.Workshops[1]]));
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var after = await changed.ReadAsync<RegistrationView>();
        Assert.Equal(e.Workshops[1], Assert.Single(after.Choices).SessionId);
        Assert.Equal(0, await PlacesTakenAsync(e.Workshops[0]));
        Assert.Equal(1, await PlacesTakenAsync(e.Workshops[1]));

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/events/registrations/{new string('A', 43)}")).StatusCode);
        Factory.Time.Advance(TimeSpan.FromDays(31));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/events/registrations/{delegate1.ManageToken}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/events/registrations/short")).StatusCode);
    }

    [Fact]
    public async Task A_cancellation_offers_the_place_to_the_first_waiting_delegate_who_accepts()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(1, 0)]);
        var holder = await RegisterAsync(e.EventId, 1, e.Workshops[0]);
        var first = await RegisterAsync(e.EventId, 2, e.Workshops[0]);
        Factory.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await RegisterAsync(e.EventId, 3, e.Workshops[0]);
        Assert.Equal(ChoiceStatus.Waitlisted, Assert.Single(first.Registration.Choices).Status);

        Assert.Equal(HttpStatusCode.OK, (await Client.DeleteAsync($"/api/events/registrations/{holder.ManageToken}")).StatusCode);
        Assert.Equal((0, 1), await Factory.RunPromotionAsync());

        var offered = Assert.Single((await ViewAsync(first.ManageToken)).Choices);
        Assert.Equal(ChoiceStatus.Offered, offered.Status);
        Assert.Equal(Factory.Time.GetUtcNow().AddHours(48), offered.OfferExpiresAt);
        Assert.Equal(ChoiceStatus.Waitlisted, Assert.Single((await ViewAsync(second.ManageToken)).Choices).Status);
        var offer = await Factory.PublishedAsync<PlaceOffered>(m => m.RegistrationId == first.Registration.Id);
        Assert.Equal(e.Workshops[0], offer.SessionId);
        Assert.Equal(1, await PlacesTakenAsync(e.Workshops[0]));

        var accepted = await Client.PostAsync($"/api/events/registrations/{first.ManageToken}/offers/{e.Workshops[0]}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(ChoiceStatus.Confirmed, Assert.Single((await accepted.ReadAsync<RegistrationView>()).Choices).Status);
        Assert.Equal(1, await PlacesTakenAsync(e.Workshops[0]));
        Assert.Equal((0, 0), await Factory.RunPromotionAsync());
    }

    [Fact]
    public async Task The_offer_carries_a_link_of_its_own_that_opens_the_registration_and_accepts_the_place()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(1, 0)]);
        var holder = await RegisterAsync(e.EventId, 1, e.Workshops[0]);
        var waiting = await RegisterAsync(e.EventId, 2, e.Workshops[0]);
        Assert.Equal(HttpStatusCode.OK, (await Client.DeleteAsync($"/api/events/registrations/{holder.ManageToken}")).StatusCode);
        Assert.Equal((0, 1), await Factory.RunPromotionAsync());

        var offer = await Factory.PublishedAsync<PlaceOffered>(m => m.RegistrationId == waiting.Registration.Id);
        Assert.NotNull(offer.ManageToken);
        Assert.NotEqual(waiting.ManageToken, offer.ManageToken);
        Assert.Equal(waiting.Registration.Id, (await ViewAsync(offer.ManageToken)).Id);

        var accepted = await Client.PostAsync($"/api/events/registrations/{offer.ManageToken}/offers/{e.Workshops[0]}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(ChoiceStatus.Confirmed, Assert.Single((await ViewAsync(waiting.ManageToken!)).Choices).Status);
    }

    [Fact]
    public async Task A_place_freed_while_delegates_wait_goes_to_them_not_to_a_newcomer()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(1, 0)]);
        var holder = await RegisterAsync(e.EventId, 1, e.Workshops[0]);
        var waiting = await RegisterAsync(e.EventId, 2, e.Workshops[0]);
        Assert.Equal(HttpStatusCode.OK, (await Client.DeleteAsync($"/api/events/registrations/{holder.ManageToken}")).StatusCode);
        Assert.Equal(0, await PlacesTakenAsync(e.Workshops[0])); // free, and the promoter has not run yet

        Factory.Time.Advance(TimeSpan.FromSeconds(1));
        var newcomer = await RegisterAsync(e.EventId, 3, e.Workshops[0]);

        Assert.Equal(ChoiceStatus.Waitlisted, Assert.Single(newcomer.Registration.Choices).Status);
        Assert.Equal(0, await PlacesTakenAsync(e.Workshops[0]));
        Assert.Equal((0, 1), await Factory.RunPromotionAsync());
        Assert.Equal(ChoiceStatus.Offered, Assert.Single((await ViewAsync(waiting.ManageToken)).Choices).Status);
        var position = await Factory.PublishedAsync<RegistrationWaitlisted>(m => m.RegistrationId == newcomer.Registration.Id);
        Assert.Equal(2, position.Position);
    }

    [Fact]
    public async Task A_manage_link_change_does_not_take_a_freed_place_from_delegates_waiting_for_it()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(1, 0), new(5, 0)]);
        var holder = await RegisterAsync(e.EventId, 1, e.Workshops[0]);
        await RegisterAsync(e.EventId, 2, e.Workshops[0]); // waiting
        var switcher = await RegisterAsync(e.EventId, 3, e.Workshops[1]);
        await Client.DeleteAsync($"/api/events/registrations/{holder.ManageToken}");

        var changed = await Client.PutAsJsonAsync($"/api/events/registrations/{switcher.ManageToken}/choices",
            new ChangeChoicesRequest([e.Workshops[0]]));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(ChoiceStatus.Waitlisted, Assert.Single((await changed.ReadAsync<RegistrationView>()).Choices).Status);
        Assert.Equal(0, await PlacesTakenAsync(e.Workshops[0]));
    }

    [Fact]
    public async Task An_expired_offer_passes_to_the_next_delegate_and_a_decline_to_the_one_after()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(1, 0)]);
        var holder = await RegisterAsync(e.EventId, 1, e.Workshops[0]);
        var waiting = new List<Registered>();
        for (var i = 0; i < 3; i++)
        {
            Factory.Time.Advance(TimeSpan.FromSeconds(1));
            waiting.Add(await RegisterAsync(e.EventId, 10 + i, e.Workshops[0]));
        }

        await Client.DeleteAsync($"/api/events/registrations/{holder.ManageToken}");
        await Factory.RunPromotionAsync();
        Factory.Time.Advance(TimeSpan.FromHours(48));

        Assert.Equal((1, 1), await Factory.RunPromotionAsync());
        Assert.Empty((await ViewAsync(waiting[0].ManageToken)).Choices);
        Assert.Equal(ChoiceStatus.Offered, Assert.Single((await ViewAsync(waiting[1].ManageToken)).Choices).Status);
        await Factory.PublishedAsync<PlaceOfferExpired>(m => m.RegistrationId == waiting[0].Registration.Id);
        var late = await Client.PostAsync($"/api/events/registrations/{waiting[0].ManageToken}/offers/{e.Workshops[0]}/accept", null);
        Assert.Equal("no-offer", (await late.ReadAsync<ProblemDetails>()).Extensions["rule"]?.ToString());

        var declined = await Client.PostAsync($"/api/events/registrations/{waiting[1].ManageToken}/offers/{e.Workshops[0]}/decline", null);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal((0, 1), await Factory.RunPromotionAsync());
        Assert.Equal(ChoiceStatus.Offered, Assert.Single((await ViewAsync(waiting[2].ManageToken)).Choices).Status);
        Assert.Equal(1, await PlacesTakenAsync(e.Workshops[0]));
    }

    [Fact]
    public async Task Offers_made_close_to_the_event_hold_the_place_for_less_time()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(1, 0)]);
        var holder = await RegisterAsync(e.EventId, 1, e.Workshops[0]);
        var waiting = await RegisterAsync(e.EventId, 2, e.Workshops[0]);
        Factory.Time.Advance(TimeSpan.FromDays(28));

        await Client.DeleteAsync($"/api/events/registrations/{holder.ManageToken}");
        await Factory.RunPromotionAsync();

        Assert.Equal(Factory.Time.GetUtcNow().AddHours(4), Assert.Single((await ViewAsync(waiting.ManageToken)).Choices).OfferExpiresAt);
    }

    [Fact]
    public async Task A_registrations_calendar_file_holds_the_event_and_its_workshop()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(5, 0)]);
        var delegate1 = await RegisterAsync(e.EventId, 1, e.Workshops[0]);

        var ics = await Client.GetAsync($"/api/events/registrations/{delegate1.ManageToken}/calendar.ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var text = await ics.Content.ReadAsStringAsync();
        Assert.Equal(2, text.Split("BEGIN:VEVENT").Length - 1);
    }

    [Fact]
    public async Task A_registration_has_a_qr_code_for_checking_in()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(5, 0)]);
        var delegate1 = await RegisterAsync(e.EventId, 1, e.Workshops[0]);

        var qr = await Client.GetAsync($"/api/events/registrations/{delegate1.ManageToken}/qr.png");
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await qr.Content.ReadAsByteArrayAsync()).Take(4));
    }

    [Fact]
    public async Task The_public_calendar_feed_lists_a_published_event()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(5, 0)]);

        var feed = await Client.GetAsync("/api/events/calendar.ics");
        Assert.Contains($"event-{e.EventId:N}@", (await feed.Content.ReadAsStringAsync()).Replace("\r\n ", ""));
    }
}
