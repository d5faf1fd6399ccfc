using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Platform.Events.Catalogue;
using Platform.Events.Organising;
using Platform.ServiceDefaults.Paging;

namespace Platform.Events.Tests;

public sealed class OrganisingTests(PostgresServer postgres) : IAsyncLifetime
{
    private EventsFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await EventsFactory.StartAsync(postgres);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Only_staff_may_create_events()
    {
        var anonymous = await _factory.CreateClient().PostAsJsonAsync("/api/events", TestEvents.Request(_factory.Time.GetUtcNow()));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Drafts_are_hidden_until_published_then_listed_in_london_time()
    {
        var staff = _factory.CreateStaffClient();
        // A training day with no workshops to choose.
        var request = TestEvents.Request(_factory.Time.GetUtcNow(), min: 0, max: 0);
        var created = await (await staff.PostAsJsonAsync("/api/events", request)).ReadAsync<EventDetail>();
        var anonymous = _factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/events/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/events/{created.Id}")).StatusCode);
        Assert.Empty((await (await anonymous.GetAsync("/api/events")).ReadAsync<Paged<EventSummary>>()).Items);

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/events/{created.Id}/publish", null)).StatusCode);
        var page = await (await anonymous.GetAsync("/api/events?district=castleton&kind=conference")).ReadAsync<Paged<EventSummary>>();
        var listed = Assert.Single(page.Items);
        Assert.Equal(created.Id, listed.Id);
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("Europe/London").GetUtcOffset(listed.StartsAt.UtcDateTime), listed.StartsAt.Offset);
        Assert.Equal("A day of <b>workshops</b>", listed.Summary);
        Assert.Empty((await (await anonymous.GetAsync("/api/events?district=Brookmere")).ReadAsync<Paged<EventSummary>>()).Items);

        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/events/{created.Id}/publish", null)).StatusCode);
    }

    [Fact]
    public async Task Invalid_events_are_rejected_naming_each_field_and_nothing_is_stored()
    {
        var staff = _factory.CreateStaffClient();
        var request = TestEvents.Request(_factory.Time.GetUtcNow()) with { Title = " ", Capacity = 0, MinWorkshops = 3, MaxWorkshops = 1 };

        var response = await staff.PostAsJsonAsync("/api/events", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadAsync<HttpValidationProblemDetails>();
        Assert.Contains("title", problem.Errors.Keys);
        Assert.Contains("capacity", problem.Errors.Keys);
        Assert.Contains("maxWorkshops", problem.Errors.Keys);
        Assert.Equal(0, await _factory.WithDbAsync(db => Task.FromResult(db.Events.Count())));
    }

    [Fact]
    public async Task Unknown_events_are_404_problems()
    {
        var staff = _factory.CreateStaffClient();
        var response = await staff.PutAsJsonAsync($"/api/events/{Guid.NewGuid()}", TestEvents.Request(_factory.Time.GetUtcNow()));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Changing_a_published_event_publishes_the_change()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, workshops: [new TestEvents.Workshop(10, 0)]);
        var request = TestEvents.Request(_factory.Time.GetUtcNow()) with { Title = "Safer Streets Conference (new venue)", Capacity = 300 };

        var response = await _factory.CreateStaffClient().PutAsJsonAsync($"/api/events/{e.EventId}", request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changed = await _factory.PublishedAsync<Contracts.Events.PartnershipEventChanged>(m => m.PartnershipEventId == e.EventId);
        Assert.Equal("Safer Streets Conference (new venue)", changed.Title);
    }

    [Fact]
    public async Task Cancelling_tells_every_registrant()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, workshops: [new TestEvents.Workshop(10, 0)]);
        var client = _factory.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/events/{e.EventId}/registrations", TestEvents.Delegate(i, e.Workshops[0]))).StatusCode);

        var cancelled = await _factory.CreateStaffClient().PostAsync($"/api/events/{e.EventId}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var message = await _factory.PublishedAsync<Contracts.Events.PartnershipEventCancelled>(m => m.PartnershipEventId == e.EventId);
        Assert.Equal(3, message.Registrants.Count);
        var late = await client.PostAsJsonAsync($"/api/events/{e.EventId}/registrations", TestEvents.Delegate(9, e.Workshops[0]));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("event-status", (await late.ReadAsync<ProblemDetails>()).Extensions["rule"]?.ToString());
    }
}
