using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Events.Feedback;

namespace Platform.Events.Tests;

/// <summary>The feedback survey: checked-in delegates only, per-session ratings and free text; figures and CSV for staff.</summary>
public sealed class FeedbackTests(PostgresServer postgres) : EventsTest(postgres)
{
    [Fact]
    public async Task Only_checked_in_delegates_give_feedback_and_staff_read_it_as_figures_and_csv()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(10, 0)]);
        var (workshop, keynote) = (e.Workshops[0], e.Keynote);
        var attended = await TestDelegates.RegisterAsync(Factory, e, 1);
        var stayedAway = await TestDelegates.RegisterAsync(Factory, e, 2);
        var other = await TestDelegates.RegisterAsync(Factory, e, 3);
        await TestDelegates.CheckInAsync(Factory, e, attended);
        await TestDelegates.CheckInAsync(Factory, e, other);

        var answer = new { ratings = new[] { new { sessionId = keynote, rating = 5 }, new { sessionId = workshop, rating = 3 } }, comments = "=Great day, more time for questions" };
        var refused = await Client.PutAsJsonAsync($"{TestDelegates.ManagePath(stayedAway)}/feedback", answer);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("not-checked-in", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Bad ratings: out of range, a session of no programme, a session twice, nothing at all.
        foreach (var bad in new object[]
        {
            new { ratings = new[] { new { sessionId = keynote, rating = 6 } } },
            new { ratings = new[] { new { sessionId = Guid.CreateVersion7(), rating = 4 } } },
            new { ratings = new[] { new { sessionId = keynote, rating = 4 }, new { sessionId = keynote, rating = 2 } } },
            new { ratings = Array.Empty<object>(), comments = " " },
            new { comments = new string('c', 2001) },
        })
            Assert.Equal(HttpStatusCode.BadRequest, (await Client.PutAsJsonAsync($"{TestDelegates.ManagePath(attended)}/feedback", bad)).StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.FeedbackResponses.CountAsync()));

        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"{TestDelegates.ManagePath(attended)}/feedback",
            new { ratings = new[] { new { sessionId = keynote, rating = 1 } } })).StatusCode);
        // Sent again, the answer replaces the first: the keynote's rating changes, the workshop's is added.
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"{TestDelegates.ManagePath(attended)}/feedback", answer)).StatusCode);
        // After the event (30 days out) the manage link still takes feedback, though it no longer changes the registration.
        Factory.Time.Advance(TimeSpan.FromDays(31));
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"{TestDelegates.ManagePath(other)}/feedback",
            new { ratings = new[] { new { sessionId = keynote, rating = 4 } } })).StatusCode);
        var mine = await Client.GetFromJsonAsync<FeedbackView>($"{TestDelegates.ManagePath(attended)}/feedback", Json.Options);
        Assert.Equal(2, mine!.Ratings.Count);

        var staff = Factory.CreateStaffClient();
        var figures = await staff.GetFromJsonAsync<FeedbackFigures>($"/api/events/{e.EventId}/feedback", Json.Options);
        Assert.Equal((2, 2), (figures!.CheckedIn, figures.Responses));
        var keynoteFigures = figures.Sessions.Single(s => s.SessionId == keynote);
        Assert.Equal((2, 4.5), (keynoteFigures.Ratings, keynoteFigures.Average));
        Assert.Equal([0, 0, 0, 1, 1], keynoteFigures.ByRating);
        Assert.Equal([0, 0, 1, 0, 0], figures.Sessions.Single(s => s.SessionId == workshop).ByRating);

        var csv = await staff.GetStringAsync($"/api/events/{e.EventId}/feedback.csv");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("submitted_at,sector,Opening keynote,Workshop 1,comments", lines[0]);
        Assert.Equal(3, lines.Length);
        // A comment a spreadsheet would run as a formula is defused; no delegate's name is in the file.
        Assert.Contains(lines, l => l.EndsWith(",Council,5,3,\"'=Great day, more time for questions\"", StringComparison.Ordinal));
        Assert.DoesNotContain("Delegate 1", csv, StringComparison.Ordinal);
    }
}
