using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Events.Registrations;

namespace Platform.Events.Tests;

/// <summary>One active registration per (event, email), whatever the Idempotency-Key and however requests interleave.</summary>
public sealed class OneActiveRegistrationTests(PostgresServer postgres) : IAsyncLifetime
{
    private EventsFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await EventsFactory.StartAsync(postgres);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private Task<HttpResponseMessage> RegisterAsync(HttpClient client, Guid eventId, RegistrationRequest request, string? idempotencyKey = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{eventId}/registrations") { Content = JsonContent.Create(request) };
        if (idempotencyKey is not null) message.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(message);
    }

    private Task<(int Event, int Workshop)> PlacesTakenAsync(TestEvents.Created e) => _factory.WithDbAsync(async db =>
        (await db.Events.Where(x => x.Id == e.EventId).Select(x => x.PlacesTaken).FirstAsync(),
         await db.Sessions.Where(s => s.Id == e.Workshops[0]).Select(s => s.PlacesTaken).FirstAsync()));

    private static async Task AssertAlreadyRegisteredAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadAsync<ProblemDetails>();
        Assert.Equal("already-registered", problem.Extensions["rule"]?.ToString());
        // The manage link goes only to the address's owner, by email.
        Assert.DoesNotContain("manageToken", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_repeat_in_another_case_with_another_key_is_409_and_takes_no_place()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, workshops: [new(10, 0)]);
        var client = _factory.CreateClient();
        var first = TestEvents.Delegate(1, e.Workshops[0]);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, e.EventId, first, "first")).StatusCode);

        var repeat = first with { Email = "  DELEGATE1@Example.ORG ", Name = "Someone else" };
        await AssertAlreadyRegisteredAsync(await RegisterAsync(client, e.EventId, repeat, "second"));
        await AssertAlreadyRegisteredAsync(await RegisterAsync(client, e.EventId, repeat));

        Assert.Equal(1, await _factory.WithDbAsync(db => db.Registrations.CountAsync(r => r.EventId == e.EventId)));
        Assert.Equal((1, 1), await PlacesTakenAsync(e));
    }

    [Fact]
    public async Task The_same_address_may_register_for_another_event()
    {
        var one = await TestEvents.CreatePublishedAsync(_factory, workshops: [new(10, 0)]);
        var other = await TestEvents.CreatePublishedAsync(_factory, workshops: [new(10, 0)]);
        var client = _factory.CreateClient();

        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, one.EventId, TestEvents.Delegate(1, one.Workshops[0]))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, other.EventId, TestEvents.Delegate(1, other.Workshops[0]))).StatusCode);
    }

    [Fact]
    public async Task Identical_submissions_racing_give_one_201_and_one_409_and_take_places_once()
    {
        // Several pairs at once, so some pairs pass the early check together and only the database's index tells them apart.
        var e = await TestEvents.CreatePublishedAsync(_factory, capacity: 100, workshops: [new(100, 0)]);
        var client = _factory.CreateClient();
        const int pairs = 10;

        var responses = await Task.WhenAll(Enumerable.Range(0, pairs).SelectMany(i => new[]
        {
            RegisterAsync(client, e.EventId, TestEvents.Delegate(i, e.Workshops[0])),
            RegisterAsync(client, e.EventId, TestEvents.Delegate(i, e.Workshops[0])),
        }));

        for (var i = 0; i < pairs; i++)
        {
            var pair = responses.Skip(2 * i).Take(2).ToList();
            Assert.Single(pair, r => r.StatusCode == HttpStatusCode.Created);
            await AssertAlreadyRegisteredAsync(Assert.Single(pair, r => r.StatusCode == HttpStatusCode.Conflict));
        }
        Assert.Equal(pairs, await _factory.WithDbAsync(db => db.Registrations.CountAsync(r => r.EventId == e.EventId)));
        Assert.Equal((pairs, pairs), await PlacesTakenAsync(e));
    }

    [Fact]
    public async Task The_database_refuses_a_second_active_registration_even_past_the_early_check()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, workshops: [new(10, 0)]);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(_factory.CreateClient(), e.EventId, TestEvents.Delegate(1, e.Workshops[0]))).StatusCode);

        var ex = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => _factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO registration (id, event_id, name, email, organisation, sector, role, accessibility_needs, dietary_needs,
                consent_to_delegate_list, status, manage_token_hash, manage_token_expires_at, check_in_code, created_at)
            SELECT {Guid.CreateVersion7()}, event_id, name, upper(email), organisation, sector, role, accessibility_needs, dietary_needs,
                consent_to_delegate_list, status, '\x00'::bytea, manage_token_expires_at, 'ZZZZZZZZ', created_at
            FROM registration WHERE event_id = {e.EventId}
            """)));
        Assert.True(OneActiveRegistration.IsViolation(ex), ex.Message);
    }

    [Fact]
    public async Task A_cancelled_registration_does_not_block_registering_again()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, workshops: [new(10, 0)]);
        var client = _factory.CreateClient();
        var first = await (await RegisterAsync(client, e.EventId, TestEvents.Delegate(1, e.Workshops[0]))).RegisteredAsync(_factory);

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/events/registrations/{first.ManageToken}")).StatusCode);
        var again = await RegisterAsync(client, e.EventId, TestEvents.Delegate(1, e.Workshops[0]));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal((1, 1), await PlacesTakenAsync(e));
        await AssertAlreadyRegisteredAsync(await RegisterAsync(client, e.EventId, TestEvents.Delegate(1, e.Workshops[0])));
    }
}
