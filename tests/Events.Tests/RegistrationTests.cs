using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Events.Registrations;
using Platform.ServiceDefaults.Secrets;

namespace Platform.Events.Tests;

public sealed class RegistrationTests(PostgresServer postgres) : IAsyncLifetime
{
    private EventsFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await EventsFactory.StartAsync(postgres);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private Task<int> RegistrationCount() => _factory.WithDbAsync(db => db.Registrations.CountAsync());

    [Fact]
    public async Task A_registration_confirms_choices_and_publishes_a_confirmation_with_a_calendar()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, min: 2, max: 2,
            workshops: [new(10, 0), new(10, 0), new(10, 1), new(10, 1)]);

        var response = await _factory.CreateClient().PostAsJsonAsync($"/api/events/{e.EventId}/registrations",
            TestEvents.Delegate(1, e.Workshops[0], e.Workshops[3]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<RegistrationCreated>();
        // The manage link goes only to the address: the answer carries no token, and the places are held until it is opened.
        Assert.DoesNotContain("\"manageToken\":", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Null(response.Headers.Location);
        Assert.False(created.Registration.EmailConfirmed);
        Assert.NotNull(created.Registration.ConfirmByAt);
        Assert.Equal(8, created.Registration.CheckInCode.Length);
        Assert.All(created.Registration.Choices, c => Assert.Equal(ChoiceStatus.Confirmed, c.Status));
        var confirmed = await _factory.PublishedAsync<RegistrationConfirmed>(m => m.RegistrationId == created.Registration.Id);
        Assert.True(BearerSecret.LooksValid(confirmed.ManageToken));
        Assert.Equal(created.Registration.CheckInCode, confirmed.CheckInCode);
        Assert.Contains("BEGIN:VEVENT", confirmed.Calendar);
        Assert.Equal(2, confirmed.Choices.Count);
    }

    [Fact]
    public async Task Each_choice_rule_violation_is_422_naming_the_rule_and_stores_nothing()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, min: 2, max: 2,
            workshops: [new(10, 0), new(10, 0), new(10, 1), new(10, 1)]);
        var client = _factory.CreateClient();
        var cases = new (Guid[] Choices, string Rule)[]
        {
            ([e.Workshops[0]], "choices-too-few"),
            ([e.Workshops[0], e.Workshops[2], e.Workshops[3]], "choices-too-many"),
            ([e.Workshops[0], e.Workshops[1]], "choices-same-time-slot"),
            ([e.Workshops[0], e.Workshops[0]], "choices-duplicate"),
            ([e.Workshops[0], e.Keynote], "choices-unknown-workshop"),
        };

        foreach (var (choices, rule) in cases)
        {
            var response = await client.PostAsJsonAsync($"/api/events/{e.EventId}/registrations", TestEvents.Delegate(1, choices));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal(rule, (await response.ReadAsync<ProblemDetails>()).Extensions["rule"]?.ToString());
        }
        Assert.Equal(0, await RegistrationCount());
    }

    [Fact]
    public async Task Bad_fields_are_400_naming_each_field()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, workshops: [new(10, 0)]);
        var request = TestEvents.Delegate(1, e.Workshops[0]) with { Name = "", Email = "not-an-email", Role = new string('x', 201) };

        var response = await _factory.CreateClient().PostAsJsonAsync($"/api/events/{e.EventId}/registrations", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadAsync<HttpValidationProblemDetails>();
        Assert.Equal(["email", "name", "role"], problem.Errors.Keys.Order());
        Assert.Equal(0, await RegistrationCount());
    }

    [Fact]
    public async Task Registration_outside_the_window_or_to_unknown_events_is_refused()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, workshops: [new(10, 0)]);
        var client = _factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound,
            (await client.PostAsJsonAsync($"/api/events/{Guid.NewGuid()}/registrations", TestEvents.Delegate(1, e.Workshops[0]))).StatusCode);

        _factory.Time.Advance(TimeSpan.FromDays(29.5));
        var late = await client.PostAsJsonAsync($"/api/events/{e.EventId}/registrations", TestEvents.Delegate(1, e.Workshops[0]));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("registration-window", (await late.ReadAsync<ProblemDetails>()).Extensions["rule"]?.ToString());
        Assert.Equal(0, await RegistrationCount());
    }

    [Fact]
    public async Task A_retried_request_with_the_same_idempotency_key_creates_one_registration()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, workshops: [new(10, 0)]);
        var client = _factory.CreateClient();
        var request = TestEvents.Delegate(1, e.Workshops[0]);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
        {
            var message = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{e.EventId}/registrations") { Content = JsonContent.Create(request) };
            message.Headers.Add("Idempotency-Key", "retry-me");
            return client.SendAsync(message);
        }));

        Assert.Single(attempts, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(attempts, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        Assert.Equal(1, await RegistrationCount());
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == e.Workshops[0]).Select(s => s.PlacesTaken).FirstAsync()));

        var reused = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{e.EventId}/registrations")
        { Content = JsonContent.Create(TestEvents.Delegate(2, e.Workshops[0])) };
        reused.Headers.Add("Idempotency-Key", "retry-me");
        var conflict = await client.SendAsync(reused);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, conflict.StatusCode);
        Assert.Equal("idempotency-key-reused", (await conflict.ReadAsync<ProblemDetails>()).Extensions["rule"]?.ToString());
    }
}
