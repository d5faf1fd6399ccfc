using System.Text.Json;
using Platform.AppHost.Hosting.Resources;
using Platform.EndToEnd.Tests.Events;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Volunteers;
using IcsCalendar = Ical.Net.Calendar;

namespace Platform.EndToEnd.Tests.Notifications;

/// <summary>
/// What subscribers and delegates are told without anyone writing it (issue 18): a role opened reaches the volunteering
/// subscribers of its district only, once; an event moved by a day reaches each delegate as one notice, after the
/// changes settle, with a calendar file that updates the entry they hold.
/// </summary>
public sealed class AlertsAndChangeNoticeTests(PlatformFixture platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_role_opened_in_a_district_reaches_a_volunteering_subscriber_there_once_and_not_one_in_another_district()
    {
        var (near, far) = (Addresses.Unique("Castleton"), Addresses.Unique("Brookmere"));
        await ConfirmedSubscribers.InsertAsync(platform.App, [near], "Castleton", Cancel);
        await ConfirmedSubscribers.InsertAsync(platform.App, [far], "Brookmere", Cancel);
        var (organisation, token) = await platform.RegisteredOrganisationAsync();
        await platform.ApproveAsync(organisation);

        var role = await platform.OpenRoleAsync(token); // in Castleton

        var alert = await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(near) && m.DecodedSubject().StartsWith("New volunteer role:", StringComparison.Ordinal), SubscriberMail.MailTimeout);
        Assert.Contains($"/volunteering/roles/{role}", alert.Decoded());
        Assert.NotNull(alert.Header("List-Unsubscribe"));
        // The fan-out queues every matching subscriber in one statement, so by the first email every delivery is recorded.
        Assert.Equal(1, await AlertDeliveriesAsync(role, near));
        Assert.Equal(0, await AlertDeliveriesAsync(role, far));
        Assert.Single(platform.To(near), m => m.DecodedSubject().StartsWith("New volunteer role:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_event_moved_by_a_day_then_to_a_new_venue_sends_each_delegate_one_notice_with_the_final_state_and_an_updated_calendar()
    {
        var e = await platform.PublishEventAsync(capacity: 10, workshopCapacities: [], minWorkshops: 0, maxWorkshops: 0);
        using var publicClient = platform.CreatePublicClient();
        var delegates = new[] { Addresses.Unique("Moved"), Addresses.Unique("Moved") };
        var held = new Dictionary<string, Ical.Net.CalendarComponents.CalendarEvent>();
        foreach (var email in delegates)
        {
            await publicClient.RegisterOkAsync(e, EventsActors.Delegate(email));
            var confirmation = await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(email), SubscriberMail.MailTimeout);
            held[email] = IcsCalendar.Load(EventEmailTests.CalendarAttachment(confirmation))!.Events.Single();
        }

        var staff = await platform.LoginAsStaffAsync();
        var detail = await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/events/{e.Id}", staff);
        var startsAt = e.StartsAt.AddDays(1);
        var endsAt = detail.GetProperty("endsAt").GetDateTimeOffset().AddDays(1);
        await platform.Gateway.SendAsync(HttpMethod.Put, $"/api/events/{e.Id}", staff, Replacement(detail, startsAt, endsAt, "County Stadium"));
        await platform.Gateway.SendAsync(HttpMethod.Put, $"/api/events/{e.Id}", staff, Replacement(detail, startsAt, endsAt, "Town Hall"));
        // Past the settle period (Events:ChangeNoticeSettle, 2 minutes) on Events' clock: the notice goes at once.
        await platform.AdvanceClockAsync("events", TimeSpan.FromMinutes(3));

        foreach (var email in delegates)
        {
            var notice = await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(email) && IsNotice(m, e.Title), SubscriberMail.MailTimeout);
            var text = notice.Decoded();
            Assert.Contains("Town Hall", text);
            Assert.Contains("County Stadium", text);
            var entry = IcsCalendar.Load(EventEmailTests.CalendarAttachment(notice))!.Events.Single();
            Assert.Equal(held[email].Uid, entry.Uid);
            Assert.True(entry.Sequence > held[email].Sequence, $"SEQUENCE {entry.Sequence} is not above {held[email].Sequence}");
            Assert.Equal(startsAt.UtcDateTime.AddTicks(-(startsAt.UtcDateTime.Ticks % TimeSpan.TicksPerSecond)), entry.DtStart!.AsUtc); // iCalendar keeps seconds
            Assert.StartsWith("Town Hall", entry.Location);
            Assert.Single(platform.To(email), m => IsNotice(m, e.Title));
        }
    }

    private static bool IsNotice(ReceivedMessage message, string title) => message.DecodedSubject() == $"Changed: {title}";

    private static object Replacement(JsonElement detail, DateTimeOffset startsAt, DateTimeOffset endsAt, string venue)
    {
        var v = detail.GetProperty("venue");
        var rules = detail.GetProperty("choiceRules");
        return new
        {
            title = detail.GetProperty("title").GetString(),
            summary = detail.GetProperty("summary").GetString(),
            kind = detail.GetProperty("kind").GetString(),
            venue = new { name = venue, address = v.GetProperty("address").GetString(), postcode = v.GetProperty("postcode").GetString(), district = v.GetProperty("district").GetString() },
            organiser = detail.GetProperty("organiser").GetString(),
            startsAt,
            endsAt,
            registrationOpensAt = detail.GetProperty("registrationOpensAt").GetDateTimeOffset(),
            registrationClosesAt = detail.GetProperty("registrationClosesAt").GetDateTimeOffset(),
            capacity = detail.GetProperty("capacity").GetInt32(),
            minWorkshops = rules.GetProperty("minWorkshops").GetInt32(),
            maxWorkshops = rules.GetProperty("maxWorkshops").GetInt32(),
        };
    }

    private Task<long> AlertDeliveriesAsync(Guid role, string address) =>
        platform.App.CountAsync("notificationsdb", """
            SELECT count(*) FROM delivery d JOIN news_post p ON p.id = d.news_post_id
            WHERE p.source_event_id = @role AND d.recipient = @recipient
            """, ("role", role), ("recipient", address.ToLowerInvariant()));
}
