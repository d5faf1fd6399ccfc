using System.Text;
using Platform.Events.Calendar;
using Platform.Events.Catalogue;
using Platform.Events.Registrations;

namespace Platform.Events.Tests;

/// <summary>The hand-written iCalendar output against RFC 5545's rules.</summary>
public sealed class CalendarTests
{
    [Fact]
    public void Short_lines_are_not_folded_and_end_in_crlf() =>
        Assert.Equal("SUMMARY:Hello\r\n", ICalendarWriter.Fold("SUMMARY:Hello"));

    [Fact]
    public void Long_lines_fold_at_75_octets_with_a_leading_space()
    {
        var line = "DESCRIPTION:" + new string('x', 200);
        var folded = ICalendarWriter.Fold(line);

        var physical = folded.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(physical, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75));
        Assert.Equal(75, Encoding.UTF8.GetByteCount(physical[0]));
        Assert.All(physical.Skip(1), l => Assert.StartsWith(" ", l));
        // Unfolding (§3.1: remove CRLF followed by one space) gives back the original line.
        Assert.Equal(line, folded.Replace("\r\n ", "").TrimEnd('\r', '\n'));
    }

    [Fact]
    public void Folding_never_splits_a_multi_octet_character()
    {
        var line = "SUMMARY:" + string.Concat(Enumerable.Repeat("Café ☕ 😀 ", 20));
        var folded = ICalendarWriter.Fold(line);

        foreach (var physical in folded.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(Encoding.UTF8.GetByteCount(physical) <= 75);
            Assert.DoesNotContain('\uFFFD', physical);
            Assert.False(char.IsHighSurrogate(physical[^1]));
        }
        Assert.Equal(line, folded.Replace("\r\n ", "").TrimEnd('\r', '\n'));
    }

    [Theory]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a;b", @"a\;b")]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("line1\nline2", @"line1\nline2")]
    [InlineData("line1\r\nline2", @"line1\nline2")]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    public void Text_is_escaped(string raw, string escaped) => Assert.Equal(escaped, ICalendarWriter.Escape(raw));

    [Fact]
    public void Times_are_written_in_utc_whatever_their_offset() =>
        Assert.Equal("20270614T083000Z", ICalendarWriter.FormatUtc(new DateTimeOffset(2027, 6, 14, 9, 30, 0, TimeSpan.FromHours(1))));

    [Fact]
    public void A_registration_calendar_is_stable_and_well_formed()
    {
        var (e, registration) = Sample();

        var first = RegistrationCalendar.Create(e, registration, "events.example");
        var second = RegistrationCalendar.Create(e, registration, "events.example");

        Assert.Equal(first, second);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", first);
        Assert.EndsWith("END:VCALENDAR\r\n", first);
        Assert.DoesNotContain("\n", first.Replace("\r\n", ""));
        var unfolded = first.Replace("\r\n ", "");
        Assert.Contains($"UID:registration-{registration.Id:N}@events.example\r\n", unfolded);
        Assert.Contains($"UID:registration-{registration.Id:N}-session-{e.Sessions[0].Id:N}@events.example\r\n", unfolded);
        Assert.Contains("DTSTART:20270614T083000Z\r\n", unfolded);
        Assert.Contains(@"SUMMARY:Safer Streets\, together\; 2027", unfolded);
        // The waitlisted workshop is not in the delegate's calendar until they hold a place.
        Assert.DoesNotContain(e.Sessions[1].Id.ToString("N"), first);
        Assert.Equal(2, CountOf(first, "BEGIN:VEVENT"));
        var lines = unfolded.Split("\r\n");
        Assert.Equal(lines.Count(l => l.StartsWith("BEGIN:")), lines.Count(l => l.StartsWith("END:")));
    }

    [Fact]
    public void The_feed_uses_one_uid_per_event_and_marks_cancellations()
    {
        var (e, _) = Sample();
        e.Status = EventStatus.Cancelled;

        var feed = EventCalendarFeed.Create([e], "events.example");

        Assert.Contains($"UID:event-{e.Id:N}@events.example\r\n", feed);
        Assert.Contains("STATUS:CANCELLED\r\n", feed);
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, "").Length) / value.Length;

    private static (PartnershipEvent, Registration) Sample()
    {
        var starts = new DateTimeOffset(2027, 6, 14, 9, 30, 0, TimeSpan.FromHours(1));
        var e = new PartnershipEvent
        {
            Title = "Safer Streets, together; 2027",
            Venue = new Venue { Name = "City Stadium", Address = "1 Stadium Way", Postcode = "AB1 2CD" },
            StartsAt = starts.ToUniversalTime(), EndsAt = starts.AddHours(8).ToUniversalTime(),
            UpdatedAt = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        e.Sessions.Add(new Session { EventId = e.Id, Title = "Workshop A", Kind = SessionKind.Workshop, StartsAt = e.StartsAt.AddHours(1), EndsAt = e.StartsAt.AddHours(2), Capacity = 10 });
        e.Sessions.Add(new Session { EventId = e.Id, Title = "Workshop B", Kind = SessionKind.Workshop, StartsAt = e.StartsAt.AddHours(3), EndsAt = e.StartsAt.AddHours(4), Capacity = 10 });
        var registration = new Registration
        {
            EventId = e.Id, Name = "Sam", Email = "sam@example.org", ManageTokenHash = [1], CheckInCode = "ABCD2345",
            CreatedAt = new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero),
        };
        registration.Choices.Add(new WorkshopChoice { RegistrationId = registration.Id, SessionId = e.Sessions[0].Id, Status = ChoiceStatus.Confirmed });
        registration.Choices.Add(new WorkshopChoice { RegistrationId = registration.Id, SessionId = e.Sessions[1].Id, Status = ChoiceStatus.Waitlisted });
        return (e, registration);
    }
}
