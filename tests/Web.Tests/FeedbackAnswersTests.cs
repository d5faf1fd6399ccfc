using Platform.Web.Events;

namespace Platform.Web.Tests;

/// <summary>Which sessions the feedback form asks about, and the ratings it sends Events.</summary>
public sealed class FeedbackAnswersTests
{
    private static readonly DateTimeOffset Nine = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static Session At(string title, SessionKind kind, int hour) =>
        new(Guid.NewGuid(), title, "", kind, Nine.AddHours(hour), Nine.AddHours(hour + 1), "", [], null, null);

    private static EventDetail With(params Session[] programme) => new(
        Guid.NewGuid(), "Training day", "", EventKind.TrainingDay, new Venue("Hall", "1 High Street", "NS1 1AA", "Castleton"), "Council",
        Nine, Nine.AddHours(8), Nine.AddDays(-30), Nine.AddDays(-1), 30, 30, new ChoiceRules(0, 0), programme);

    [Fact]
    public void Every_session_but_the_breaks_is_rated_in_the_order_of_the_day()
    {
        var afternoon = At("Afternoon workshop", SessionKind.Workshop, 4);
        var lunch = At("Lunch", SessionKind.Break, 3);
        var keynote = At("Keynote", SessionKind.Keynote, 0);

        Assert.Equal([keynote, afternoon], FeedbackAnswers.Rateable(With(afternoon, lunch, keynote)));
    }

    [Fact]
    public void Only_ratings_of_the_events_sessions_from_1_to_5_are_sent_and_the_comments_trimmed()
    {
        var keynote = At("Keynote", SessionKind.Keynote, 0);
        var workshop = At("Workshop", SessionKind.Workshop, 1);
        var panel = At("Panel", SessionKind.QuestionsAndAnswers, 2);
        var posted = new Dictionary<Guid, int> { [workshop.Id] = 4, [keynote.Id] = 0, [panel.Id] = 6, [Guid.NewGuid()] = 5 };

        var request = FeedbackAnswers.ToRequest(posted, "  Useful day.  ", [keynote, workshop, panel]);

        Assert.Equal([new SessionRating(workshop.Id, 4)], request.Ratings);
        Assert.Equal("Useful day.", request.Comments);
    }
}
