using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.Tests.Transactional;

public sealed class EventsEmailsTests
{
    private static readonly OfficeOptions Office = new() { CountyName = "Northshire Commissioner's Office", ContactEmail = "office@northshire.example" };

    private static readonly EventsEmails Emails = new(
        new EmailTemplates(Options.Create(Office)),
        new LocalTime(Options.Create(Office)),
        Options.Create(new NotificationsOptions { PublicBaseUrl = new Uri("https://partnership.example.org/") }));

    internal const string Calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\nSUMMARY:Safer Streets\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    internal static RegistrationConfirmed Confirmed(string name = "Dee Delegate", string title = "Safer Streets", string email = "dee@example.org") => new(
        Guid.CreateVersion7(), Guid.CreateVersion7(), title, new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero),
        name, email, "manage-tok_en+/", new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), "K7Q2ZP",
        [new SessionChoice(Guid.CreateVersion7(), "Knife crime & youth", new DateTimeOffset(2026, 1, 15, 11, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero), "Confirmed")],
        Calendar);

    public static TheoryData<string> EveryKind => new()
    {
        EventsEmails.RegistrationConfirmedKind, EventsEmails.WaitlistedKind, EventsEmails.PlaceOfferedKind,
        EventsEmails.RegistrationCancelledKind, EventsEmails.EventCancelledKind, EventsEmails.ReminderKind,
        EventsEmails.EventChangedKind,
    };

    private static RenderedEmail Render(string kind, string name = "<b>Bo</b>", string title = "Safer <Streets>")
    {
        var eventId = Guid.CreateVersion7();
        var registration = Guid.CreateVersion7();
        var session = Guid.CreateVersion7();
        var startsAt = new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);
        var registrant = new Registrant(registration, name, "bo@example.org");
        return kind switch
        {
            EventsEmails.RegistrationConfirmedKind => Emails.Confirmed(Confirmed(name, title)),
            EventsEmails.WaitlistedKind => Emails.Waitlisted(new(registration, eventId, title, name, "bo@example.org", session, "Workshop A", 3)),
            EventsEmails.PlaceOfferedKind => Emails.PlaceOffered(new(registration, eventId, title, name, "bo@example.org", session, "Workshop A", startsAt)),
            EventsEmails.RegistrationCancelledKind => Emails.RegistrationCancelled(new(registration, eventId, title, name, "bo@example.org")),
            EventsEmails.EventCancelledKind => Emails.EventCancelled(new(eventId, title, startsAt, registrant)),
            EventsEmails.ReminderKind => Emails.Reminder(new(eventId, title, "County Hall", startsAt, registrant)),
            EventsEmails.EventChangedKind => Emails.Changed(new(eventId, Guid.CreateVersion7(), title, registrant,
                [new ScheduleChange(title, false, "place", null, null, null, "County Hall", "Town Hall")], Calendar)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Every_kind_has_both_parts_and_the_office_footer(string kind)
    {
        var email = Render(kind);

        Assert.Contains("Safer <Streets>", email.Subject);
        foreach (var part in new[] { email.TextBody, email.HtmlBody })
        {
            Assert.Contains("office@northshire.example", part);
        }

        Assert.Contains("Northshire Commissioner's Office", email.TextBody);
        Assert.Contains("Northshire Commissioner", email.HtmlBody);
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void The_html_part_escapes_what_registrants_and_organisers_typed_and_the_text_part_keeps_it_readable(string kind)
    {
        var email = Render(kind);

        Assert.DoesNotContain("<b>Bo</b>", email.HtmlBody);
        Assert.DoesNotContain("<Streets>", email.HtmlBody);
        Assert.Contains("&lt;b&gt;Bo&lt;/b&gt;", email.HtmlBody);
        Assert.Contains("<b>Bo</b>", email.TextBody);
        Assert.DoesNotContain("&lt;", email.TextBody);
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void A_title_with_line_breaks_cannot_add_a_header_through_the_subject(string kind)
    {
        var email = Render(kind, title: "Safer Streets\r\nBcc: victim@example.org\n");

        Assert.DoesNotContain('\r', email.Subject);
        Assert.DoesNotContain('\n', email.Subject);
        Assert.Contains("Safer Streets Bcc: victim@example.org", email.Subject);
    }

    [Fact]
    public void Every_template_kind_is_rendered_by_a_consumer()
    {
        var templates = new EmailTemplates(Options.Create(Office));

        // Every transactional kind the services' events cause has a test of its own (news and digests are tested apart).
        Assert.Equal(EveryKind.Concat(AwardsEmailsTests.EveryKind).Concat(VolunteersEmailsTests.EveryKind).Concat(AccountsEmailsTests.EveryKind)
                .Select(k => (string)k.Data).Order(),
            templates.Kinds.Where(k => k.StartsWith("event-", StringComparison.Ordinal) || k.StartsWith("award-", StringComparison.Ordinal)
                                       || k.StartsWith("volunteer-", StringComparison.Ordinal) || k.StartsWith("account-", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void The_confirmation_attaches_the_calendar_and_links_to_the_sites_manage_page()
    {
        var email = Emails.Confirmed(Confirmed());

        var attachment = Assert.Single(email.Attachments);
        Assert.Equal("event.ics", attachment.FileName);
        Assert.Equal("text/calendar; method=PUBLISH", attachment.MediaType);
        Assert.Equal(Calendar, attachment.Content);
        const string link = "https://partnership.example.org/registrations/manage-tok_en%2B%2F";
        Assert.Contains(link, email.TextBody);
        Assert.Contains($"href=\"{link}\"", email.HtmlBody);
        Assert.Contains("K7Q2ZP", email.TextBody);
        Assert.Contains("Knife crime & youth", email.TextBody);
        Assert.Contains("Knife crime &amp; youth", email.HtmlBody);
    }

    [Fact]
    public void The_place_offer_links_to_the_sites_manage_page_where_the_place_is_accepted()
    {
        var email = Emails.PlaceOffered(new(Guid.CreateVersion7(), Guid.CreateVersion7(), "Safer Streets", "Bo", "bo@example.org",
            Guid.CreateVersion7(), "Workshop A", new DateTimeOffset(2026, 7, 1, 16, 0, 0, TimeSpan.Zero), "offer-tok_en+/"));

        const string link = "https://partnership.example.org/registrations/offer-tok_en%2B%2F";
        Assert.Contains(link, email.TextBody);
        Assert.Contains($"href=\"{link}\"", email.HtmlBody);
        Assert.DoesNotContain("/api/", email.TextBody);
    }

    [Fact]
    public void A_place_offer_made_before_offers_carried_a_link_points_to_the_confirmation_emails_link()
    {
        var email = Emails.PlaceOffered(new(Guid.CreateVersion7(), Guid.CreateVersion7(), "Safer Streets", "Bo", "bo@example.org",
            Guid.CreateVersion7(), "Workshop A", new DateTimeOffset(2026, 7, 1, 16, 0, 0, TimeSpan.Zero)));

        Assert.Contains("open the manage link in your registration confirmation email", email.TextBody);
        Assert.DoesNotContain("/registrations/", email.TextBody);
    }

    [Fact]
    public void Times_are_shown_in_london_time_winter_and_summer()
    {
        var eventId = Guid.CreateVersion7();
        var summer = Emails.PlaceOffered(new(Guid.CreateVersion7(), eventId, "Safer Streets", "Bo", "bo@example.org",
            Guid.CreateVersion7(), "Workshop A", new DateTimeOffset(2026, 7, 1, 16, 0, 0, TimeSpan.Zero)));
        var winter = Emails.Confirmed(Confirmed());

        Assert.Contains("Wednesday 1 July 2026, 17:00 BST", summer.TextBody);
        Assert.Contains("Thursday 15 January 2026, 09:30 GMT", winter.TextBody);
    }

    [Theory]
    [InlineData("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n", "text/calendar; method=REQUEST")]
    [InlineData("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar; method=PUBLISH")]
    [InlineData("BEGIN:VCALENDAR\r\nMETHOD:PUB;LISH\r\nEND:VCALENDAR\r\n", "text/calendar; method=PUBLISH")]
    public void The_attachment_content_type_follows_the_calendar_method(string calendar, string mediaType) =>
        Assert.Equal(mediaType, EventsEmails.CalendarMediaType(calendar));

    [Fact]
    public void The_smtp_attachment_is_a_named_utf8_text_calendar()
    {
        var attachment = SmtpEmailSender.ToAttachment(new EmailAttachment("event.ics", "text/calendar; method=PUBLISH", Calendar));

        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        Assert.Equal("PUBLISH", attachment.ContentType.Parameters["method"]);
        Assert.Equal("utf-8", attachment.ContentType.Charset);
        Assert.Equal("event.ics", attachment.FileName);
        Assert.True(attachment.IsAttachment);
        Assert.Equal(MimeKit.ContentEncoding.Base64, attachment.ContentTransferEncoding);
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        Assert.Equal(Calendar, System.Text.Encoding.UTF8.GetString(content.ToArray()));
    }

    [Fact]
    public void A_change_notice_says_what_changed_in_london_time_and_attaches_the_updated_calendar()
    {
        var was = new DateTimeOffset(2026, 6, 10, 8, 0, 0, TimeSpan.Zero);
        var now = was.AddDays(1);
        var registrant = new Registrant(Guid.CreateVersion7(), "Ann", "ann@example.org");
        var email = Emails.Changed(new EventChangeNoticeDue(Guid.CreateVersion7(), Guid.CreateVersion7(), "Safer Streets", registrant,
        [
            new ScheduleChange("Safer Streets", false, "time", was, now, now.AddHours(7), null, null),
            new ScheduleChange("Safer Streets", false, "place", null, null, null, "County Hall", "Town Hall"),
            new ScheduleChange("Knife crime", true, "place", null, null, null, "Room 1", "Room 4"),
            new ScheduleChange("Youth diversion", true, "withdrawn", was, null, null, "Room 2", null),
        ], Calendar));

        Assert.Equal("Changed: Safer Streets", email.Subject);
        Assert.Contains("It now starts Thursday 11 June 2026, 09:00 BST and ends Thursday 11 June 2026, 16:00 BST (it was to start Wednesday 10 June 2026, 09:00 BST).", email.TextBody);
        Assert.Contains("It is now at Town Hall (it was at County Hall).", email.TextBody);
        Assert.Contains("Your workshop Knife crime is now in Room 4 (it was in Room 1).", email.TextBody);
        Assert.Contains("Your workshop Youth diversion has been withdrawn", email.HtmlBody);
        var attachment = Assert.Single(email.Attachments);
        Assert.Equal("text/calendar; method=PUBLISH", attachment.MediaType);
    }

    [Fact]
    public void A_cancellation_attaches_the_registrants_cancel_calendar_when_the_event_carries_one()
    {
        var cancel = Calendar.Replace("METHOD:PUBLISH", "METHOD:CANCEL", StringComparison.Ordinal);
        var startsAt = new DateTimeOffset(2026, 6, 10, 8, 0, 0, TimeSpan.Zero);
        var withCalendar = Emails.EventCancelled(new(Guid.CreateVersion7(), "Safer Streets", startsAt, new Registrant(Guid.CreateVersion7(), "Ann", "ann@example.org", cancel)));
        var withoutCalendar = Emails.EventCancelled(new(Guid.CreateVersion7(), "Safer Streets", startsAt, new Registrant(Guid.CreateVersion7(), "Ann", "ann@example.org")));

        Assert.Equal("text/calendar; method=CANCEL", Assert.Single(withCalendar.Attachments).MediaType);
        Assert.Empty(withoutCalendar.Attachments);
    }
}
