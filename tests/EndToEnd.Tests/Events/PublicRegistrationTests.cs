using System.Net;
using Platform.AppHost.Hosting.Resources;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Site.Events;

namespace Platform.EndToEnd.Tests.Events;

/// <summary>
/// Abuse-resistant public registration across Events and Notifications: places for an address nobody confirms go to
/// the waitlist when the hold lapses, and staff cancel any registration with the delegate told by email.
/// </summary>
[Collection(DisturbsPlatformCollection.Name)]
public sealed class PublicRegistrationTests(PlatformFixture platform)
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(90);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static bool IsCancellation(ReceivedMessage m) => m.Subject?.Contains("cancelled", StringComparison.OrdinalIgnoreCase) == true;

    [Fact]
    public async Task A_place_held_for_an_address_nobody_confirms_goes_to_the_first_waiting_delegate_a_day_later()
    {
        var e = await platform.PublishEventAsync(capacity: 10, workshopCapacities: [1]);
        var workshop = e.Workshops[0];
        using var client = platform.CreatePublicClient();
        var squatter = Addresses.Unique("never-reads-mail");
        var held = await client.RegisterOkAsync(e, EventsActors.Delegate(squatter, workshop));
        Assert.Equal("confirmed", held.ChoiceStatus(workshop));
        Assert.False(held.GetProperty("emailConfirmed").GetBoolean());
        var waiting = Addresses.Unique("waiting");
        var (token, registration) = await platform.RegisterWithEmailedTokenAsync(client, e, EventsActors.Delegate(waiting, workshop));
        Assert.Equal("waitlisted", registration.ChoiceStatus(workshop));

        await platform.AdvanceClockAsync("events", TimeSpan.FromHours(25));

        var mailbox = platform.App.GetMailbox("mail");
        await mailbox.WaitForAsync(m => m.IsTo(waiting) && m.Subject?.StartsWith("A place is held for you", StringComparison.Ordinal) == true, MailTimeout);
        await mailbox.WaitForAsync(m => m.IsTo(squatter) && IsCancellation(m), MailTimeout);
        Assert.Equal("offered", (await client.ManagedAsync(token)).ChoiceStatus(workshop));
        Assert.Equal(1, await platform.App.CountAsync("eventsdb",
            "SELECT count(*) FROM registration WHERE event_id = @id AND status = 'Cancelled' AND cancelled_by = 'unconfirmed-hold-lapsed'", ("id", e.Id)));
    }

    [Fact]
    public async Task Staff_cancel_a_registration_with_a_reason_and_the_delegate_is_emailed()
    {
        var e = await platform.PublishEventAsync(capacity: 10, workshopCapacities: [5]);
        using var client = platform.CreatePublicClient();
        var email = Addresses.Unique("cancelled-by-staff");
        var (token, registration) = await platform.RegisterWithEmailedTokenAsync(client, e, EventsActors.Delegate(email, e.Workshops[0]));
        var path = $"/api/events/{e.Id}/registrations/{registration.GetProperty("id").GetGuid()}/cancel";

        using (var anonymous = await client.PostAsync(path, System.Net.Http.Json.JsonContent.Create(new { reason = "spam" }), Cancel))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var staff = await platform.LoginAsStaffAsync();
        var cancelled = await platform.Gateway.SendAsync(HttpMethod.Post, path, staff, new { reason = "Duplicate of a colleague's registration" });

        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal("cancelled", (await client.ManagedAsync(token)).GetProperty("status").GetString());
        await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(email) && IsCancellation(m), MailTimeout);
        Assert.Equal(0, await platform.App.CountAsync("eventsdb", "SELECT places_taken FROM session WHERE id = @id", ("id", e.Workshops[0])));
    }
}
