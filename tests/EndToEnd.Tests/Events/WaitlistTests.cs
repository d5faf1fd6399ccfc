using System.Net;
using Platform.AppHost.Hosting.Resources;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Events;

/// <summary>
/// Waitlists that promote themselves, through the gateway and the SMTP sink: a cancellation offers the place to the
/// first waiting delegate, who accepts by their manage link; an offer left to expire passes to the next in line.
/// </summary>
[Collection(DisturbsPlatformCollection.Name)]
public sealed class WaitlistTests(PlatformFixture platform)
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(90);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cancellation_offers_the_place_to_the_first_waiting_delegate_who_accepts_and_is_confirmed()
    {
        var (_, workshop, first, second, third) = await FullWorkshopWithTwoWaitingAsync();
        using var client = platform.CreatePublicClient();

        using (var cancelled = await client.DeleteAsync(EventsActors.ManagePath(first.Token), Cancel))
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        var offer = await OfferEmailAsync(second.Email);
        Assert.Contains("Workshop 1", offer.Subject);
        Assert.Equal("offered", (await client.ManagedAsync(second.Token)).ChoiceStatus(workshop));
        Assert.Equal("waitlisted", (await client.ManagedAsync(third.Token)).ChoiceStatus(workshop));

        using (var accepted = await client.PostAsync($"{EventsActors.ManagePath(second.Token)}/offers/{workshop}/accept", null, Cancel))
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        Assert.Equal("confirmed", (await client.ManagedAsync(second.Token)).ChoiceStatus(workshop));
        Assert.Equal("waitlisted", (await client.ManagedAsync(third.Token)).ChoiceStatus(workshop));
        Assert.Equal(1, await platform.App.CountAsync("eventsdb", "SELECT places_taken FROM session WHERE id = @id", ("id", workshop)));
        // Accepting confirms by email too: a new confirmation lists the workshop as confirmed.
        await platform.App.GetMailbox("mail").WaitForAsync(
            m => m.IsTo(second.Email) && m.Raw.Contains("event.ics") && Decoded(m).Contains("Workshop 1", StringComparison.Ordinal)
                 && Decoded(m).Contains("(Confirmed)", StringComparison.Ordinal), MailTimeout);
    }

    [Fact]
    public async Task An_offer_left_past_its_hold_expires_and_passes_to_the_next_waiting_delegate()
    {
        var (_, workshop, first, second, third) = await FullWorkshopWithTwoWaitingAsync();
        using var client = platform.CreatePublicClient();

        using (var cancelled = await client.DeleteAsync(EventsActors.ManagePath(first.Token), Cancel))
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await OfferEmailAsync(second.Email);
        Assert.DoesNotContain(platform.App.GetMailbox("mail").Messages(), m => m.IsTo(third.Email) && IsOffer(m));

        // The default hold is 48 hours; the event is 30 days away, so the long hold applies.
        await platform.AdvanceClockAsync("events", TimeSpan.FromHours(49));

        await OfferEmailAsync(third.Email);
        Assert.False((await client.ManagedAsync(second.Token)).HasChoice(workshop));
        Assert.Equal(1, await platform.App.CountAsync("eventsdb",
            "SELECT count(*) FROM workshop_choice WHERE session_id = @id AND status = 'Expired'", ("id", workshop)));
        Assert.Equal("offered", (await client.ManagedAsync(third.Token)).ChoiceStatus(workshop));
        using var late = await client.PostAsync($"{EventsActors.ManagePath(second.Token)}/offers/{workshop}/accept", null, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(1, await platform.App.CountAsync("eventsdb", "SELECT places_taken FROM session WHERE id = @id", ("id", workshop)));
    }

    private sealed record Delegate(string Email, string Token);

    /// <summary>A workshop of one place: the first delegate has it, two more wait in order.</summary>
    private async Task<(TestEvent Event, Guid Workshop, Delegate First, Delegate Second, Delegate Third)> FullWorkshopWithTwoWaitingAsync()
    {
        var e = await platform.PublishEventAsync(capacity: 10, workshopCapacities: [1]);
        var workshop = e.Workshops[0];
        using var client = platform.CreatePublicClient();
        var delegates = new List<Delegate>();
        foreach (var who in new[] { "first", "second", "third" })
        {
            var email = Addresses.Unique(who);
            var (token, registration) = await platform.RegisterWithEmailedTokenAsync(client, e, EventsActors.Delegate(email, workshop));
            Assert.Equal(who == "first" ? "confirmed" : "waitlisted", registration.ChoiceStatus(workshop));
            delegates.Add(new Delegate(email, token));
        }
        return (e, workshop, delegates[0], delegates[1], delegates[2]);
    }

    // The text part is quoted-printable: undo soft line breaks before looking for words.
    private static string Decoded(ReceivedMessage m) => m.Raw.Replace("=\r\n", "").Replace("=\n", "");

    private static bool IsOffer(ReceivedMessage m) => m.Subject?.StartsWith("A place is held for you", StringComparison.Ordinal) == true;

    private Task<ReceivedMessage> OfferEmailAsync(string email) =>
        platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(email) && IsOffer(m), MailTimeout);
}
