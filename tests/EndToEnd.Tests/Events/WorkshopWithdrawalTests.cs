using System.Net;
using Platform.AppHost.Hosting.Resources;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Notifications;
using IcsCalendar = Ical.Net.Calendar;

namespace Platform.EndToEnd.Tests.Events;

/// <summary>
/// A workshop withdrawn from a published event (issue 18): its delegate is told once, at once, with their calendar entry
/// for it cancelled under the same UID; the workshop leaves the programme and its places end; a second withdrawal, or
/// one of a workshop nobody has, is refused.
/// </summary>
public sealed class WorkshopWithdrawalTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_withdrawn_workshop_sends_its_delegate_one_notice_that_cancels_its_calendar_entry()
    {
        var e = await platform.PublishEventAsync(capacity: 10, workshopCapacities: [5, 5]);
        var (withdrawn, kept) = (e.Workshops[0], e.Workshops[1]);
        using var publicClient = platform.CreatePublicClient();
        var (inWithdrawn, inKept) = (Addresses.Unique("Withdrawn"), Addresses.Unique("Kept"));
        var (token, _) = await platform.RegisterWithEmailedTokenAsync(publicClient, e, EventsActors.Delegate(inWithdrawn, withdrawn));
        await publicClient.RegisterOkAsync(e, EventsActors.Delegate(inKept, kept));
        var confirmation = await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(inWithdrawn) && !IsNotice(m, e.Title), SubscriberMail.MailTimeout);
        var held = IcsCalendar.Load(EventEmailTests.CalendarAttachment(confirmation))!.Events.Single(x => x.Summary?.StartsWith("Workshop 1", StringComparison.Ordinal) == true);

        var staff = await platform.LoginAsStaffAsync();
        var answer = await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/events/{e.Id}/sessions/{withdrawn}/withdraw", staff);
        Assert.Equal(1, answer.GetProperty("choicesEnded").GetInt32());

        // No settle period for a withdrawal: the notice goes without anyone moving a clock.
        var notice = await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(inWithdrawn) && IsNotice(m, e.Title), SubscriberMail.MailTimeout);
        Assert.Contains("Workshop 1 has been withdrawn", notice.Decoded());
        var entry = IcsCalendar.Load(EventEmailTests.CalendarAttachment(notice))!.Events.Single(x => x.Uid == held.Uid);
        Assert.Equal(Ical.Net.EventStatus.Cancelled, entry.Status);
        Assert.True(entry.Sequence > held.Sequence, $"SEQUENCE {entry.Sequence} is not above {held.Sequence}");
        Assert.Single(platform.To(inWithdrawn), m => IsNotice(m, e.Title));

        // The workshop has left the programme, and the delegate's choice in it has ended.
        var detail = await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/events/{e.Id}", staff);
        Assert.DoesNotContain(detail.GetProperty("programme").EnumerateArray(), s => s.GetProperty("id").GetGuid() == withdrawn);
        Assert.False((await publicClient.ManagedAsync(token)).HasChoice(withdrawn), "the withdrawn workshop is still among the delegate's choices");

        using var again = await WithdrawAsync(e, withdrawn, staff);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("already-withdrawn", (await again.ProblemAsync()).GetProperty("rule").GetString());
        using var unknown = await WithdrawAsync(e, Guid.CreateVersion7(), staff);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<HttpResponseMessage> WithdrawAsync(TestEvent e, Guid session, string staff)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{e.Id}/sessions/{session}/withdraw");
        request.Headers.Authorization = new("Bearer", staff);
        return await platform.Gateway.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static bool IsNotice(ReceivedMessage message, string title) => message.DecodedSubject() == $"Changed: {title}";
}
