using System.Text;
using Platform.Events.Calendar;
using Platform.Events.Catalogue;
using Platform.Events.Registrations;
using IcsCalendar = Ical.Net.Calendar;

namespace Platform.Events.Tests;

/// <summary>The service's calendars read back with Ical.Net, field by field, as a calendar client would.</summary>
public sealed class CalendarTests
{
    [Fact]
    public void A_registration_calendar_holds_the_event_and_each_confirmed_workshop_with_stable_uids()
    {
        var (e, registration) = Sample();

        var text = RegistrationCalendar.Create(e, registration, "events.example");

        // The same registration gives the same file, so a re-sent calendar updates entries instead of adding them.
        Assert.Equal(text, RegistrationCalendar.Create(e, registration, "events.example"));
        var calendar = IcsCalendar.Load(text)!;
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal(PublishedCalendar.ProductId, calendar.ProductId);
        Assert.Equal(2, calendar.Events.Count);

        var main = calendar.Events.Single(v => v.Uid == $"registration-{registration.Id:N}@events.example");
        Assert.Equal("Safer Streets, together; 2027", main.Summary);
        Assert.Equal(new DateTime(2027, 6, 14, 8, 30, 0, DateTimeKind.Utc), main.DtStart!.AsUtc);
        Assert.True(main.DtStart.IsUtc);
        Assert.Equal(new DateTime(2027, 6, 14, 16, 30, 0, DateTimeKind.Utc), main.DtEnd!.AsUtc);
        Assert.Equal(new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc), main.DtStamp!.AsUtc);
        Assert.Equal("City Stadium, 1 Stadium Way, AB1 2CD", main.Location);
        Assert.Equal("A day on safer streets.\n\nCheck-in code: ABCD2345", main.Description);
        Assert.Equal("CONFIRMED", main.Status);

        var workshop = calendar.Events.Single(v => v.Uid == $"registration-{registration.Id:N}-session-{e.Sessions[0].Id:N}@events.example");
        Assert.Equal("Workshop A (Safer Streets, together; 2027)", workshop.Summary);
        Assert.Equal(e.Sessions[0].StartsAt.UtcDateTime, workshop.DtStart!.AsUtc);
        Assert.Equal(e.Sessions[0].EndsAt.UtcDateTime, workshop.DtEnd!.AsUtc);
        Assert.Equal("Room 2, City Stadium", workshop.Location);
        // The waitlisted workshop is not in the delegate's calendar until they hold a place.
        Assert.DoesNotContain(e.Sessions[1].Id.ToString("N"), text);
    }

    [Fact]
    public void The_feed_uses_one_uid_per_event_and_marks_cancellations()
    {
        var (e, _) = Sample();
        e.Status = EventStatus.Cancelled;

        var calendar = IcsCalendar.Load(EventCalendarFeed.Create([e], "events.example"))!;

        var entry = Assert.Single(calendar.Events);
        Assert.Equal($"event-{e.Id:N}@events.example", entry.Uid);
        Assert.Equal("CANCELLED", entry.Status);
        Assert.Equal("Safer Communities events", calendar.Properties["X-WR-CALNAME"]!.Value);
    }

    [Fact]
    public void Lines_are_folded_at_75_octets_and_end_in_crlf()
    {
        var (e, registration) = Sample();
        e.Summary = string.Concat(Enumerable.Repeat("Café ☕ 😀 ", 20));

        var text = RegistrationCalendar.Create(e, registration, "events.example");

        Assert.EndsWith("END:VCALENDAR\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.StartsWith(e.Summary, IcsCalendar.Load(text)!.Events.First().Description);
    }

    private static (PartnershipEvent, Registration) Sample()
    {
        var starts = new DateTimeOffset(2027, 6, 14, 9, 30, 0, TimeSpan.FromHours(1));
        var e = new PartnershipEvent
        {
            Title = "Safer Streets, together; 2027",
            Summary = "A day on safer streets.",
            Venue = new Venue { Name = "City Stadium", Address = "1 Stadium Way", Postcode = "AB1 2CD" },
            StartsAt = starts.ToUniversalTime(), EndsAt = starts.AddHours(8).ToUniversalTime(),
            UpdatedAt = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        e.Sessions.Add(new Session { EventId = e.Id, Title = "Workshop A", Room = "Room 2", Kind = SessionKind.Workshop, StartsAt = e.StartsAt.AddHours(1), EndsAt = e.StartsAt.AddHours(2), Capacity = 10 });
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
