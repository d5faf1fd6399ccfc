using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Events.Questions;
using Platform.ServiceDefaults.Paging;

namespace Platform.Events.Tests;

/// <summary>Delegates ask the panel through their manage link; staff moderate; the chair reads approved questions in order.</summary>
public sealed class PanelQuestionTests(PostgresServer postgres) : EventsTest(postgres)
{
    private async Task<QuestionView> AskAsync(Registered asker, string text)
    {
        var response = await Client.PostAsJsonAsync($"{TestDelegates.ManagePath(asker)}/questions", new { text });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<QuestionView>();
    }

    [Fact]
    public async Task Approved_questions_reach_the_chair_in_the_order_staff_approved_them()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(10, 0)]);
        var ann = await TestDelegates.RegisterAsync(Factory, e, 1);
        var bob = await TestDelegates.RegisterAsync(Factory, e, 2);
        var early = await AskAsync(ann, "How will the new fund reach small charities?");
        var later = await AskAsync(bob, "What is the plan for rural speeding?");
        var rude = await AskAsync(bob, "Why should anyone listen?");

        var staff = Factory.CreateStaffClient();
        var pending = await staff.GetFromJsonAsync<Paged<ModeratedQuestionView>>($"/api/events/{e.EventId}/questions", Json.Options);
        Assert.Equal([early.Id, later.Id, rude.Id], pending!.Items.Select(q => q.Id));
        Assert.Equal("Delegate 1", pending.Items[0].AskedBy);

        // Approved later first, then the earlier one: the chair takes them in the order of approval.
        foreach (var (id, decision) in new[] { (later.Id, "approve"), (early.Id, "approve"), (rude.Id, "reject"), (later.Id, "approve") })
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/events/{e.EventId}/questions/{id}/{decision}", null)).StatusCode);

        var chair = await staff.GetFromJsonAsync<Paged<ChairQuestionView>>($"/api/events/{e.EventId}/questions/approved", Json.Options);
        Assert.Equal([later.Id, early.Id], chair!.Items.Select(q => q.Id));
        Assert.Equal([1, 2], chair.Items.Select(q => q.Number));
        var secondPage = await staff.GetFromJsonAsync<Paged<ChairQuestionView>>($"/api/events/{e.EventId}/questions/approved?page=2&pageSize=1", Json.Options);
        Assert.Equal(2, Assert.Single(secondPage!.Items).Number);

        var bobs = await Client.GetFromJsonAsync<Paged<QuestionView>>($"{TestDelegates.ManagePath(bob)}/questions", Json.Options);
        Assert.Equal([QuestionStatus.Approved, QuestionStatus.Rejected], bobs!.Items.Select(q => q.Status));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync($"/api/events/{e.EventId}/questions/approved")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsync($"/api/events/{Guid.CreateVersion7()}/questions/{early.Id}/approve", null)).StatusCode);
    }

    [Fact]
    public async Task Oversized_unknown_link_too_many_and_after_the_event_questions_are_refused_and_store_nothing()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(10, 0)]);
        var ann = await TestDelegates.RegisterAsync(Factory, e, 1);
        var path = $"{TestDelegates.ManagePath(ann)}/questions";

        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsJsonAsync(path, new { text = new string('q', PanelQuestion.MaxLength + 1) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsJsonAsync(path, new { text = "  " })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync(
            "/api/events/registrations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/questions", new { text = "Anyone there?" })).StatusCode);

        for (var i = 0; i < PanelQuestion.MaxOpenPerDelegate; i++) await AskAsync(ann, $"Question {i}");
        var tooMany = await Client.PostAsJsonAsync(path, new { text = "One more?" });
        Assert.Equal(HttpStatusCode.Conflict, tooMany.StatusCode);
        Assert.Contains("question-limit", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bob = await TestDelegates.RegisterAsync(Factory, e, 2);
        Factory.Time.Advance(TimeSpan.FromDays(31)); // past the event's end (30 days out, 8 hours long), within the follow-up link's life
        var late = await Client.PostAsJsonAsync($"{TestDelegates.ManagePath(bob)}/questions", new { text = "Still there?" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("event-ended", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(PanelQuestion.MaxOpenPerDelegate, await Factory.WithDbAsync(db => db.PanelQuestions.CountAsync()));
    }
}
