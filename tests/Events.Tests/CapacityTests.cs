using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Events.Registrations;

namespace Platform.Events.Tests;

/// <summary>Capacity as a hard limit under real concurrency against PostgreSQL.</summary>
public sealed class CapacityTests(PostgresServer postgres) : IAsyncLifetime
{
    private EventsFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await EventsFactory.StartAsync(postgres);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Three_hundred_concurrent_delegates_for_forty_workshop_places_give_forty_confirmed_and_260_waitlisted()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, capacity: 500, min: 1, max: 2,
            workshops: [new(40, 0), new(400, 1)]);
        var client = _factory.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            client.PostAsJsonAsync($"/api/events/{e.EventId}/registrations", TestEvents.Delegate(i, e.Workshops[0], e.Workshops[1]))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var statuses = await _factory.WithDbAsync(db => db.Choices.Where(c => c.SessionId == e.Workshops[0])
            .GroupBy(c => c.Status).ToDictionaryAsync(g => g.Key, g => g.Count()));
        Assert.Equal(40, statuses[ChoiceStatus.Confirmed]);
        Assert.Equal(260, statuses[ChoiceStatus.Waitlisted]);
        Assert.Equal(40, await _factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == e.Workshops[0]).Select(s => s.PlacesTaken).FirstAsync()));
        // A full workshop waitlists only that choice: every delegate's other choice stands.
        Assert.Equal(300, await _factory.WithDbAsync(db => db.Choices.CountAsync(c => c.SessionId == e.Workshops[1] && c.Status == ChoiceStatus.Confirmed)));
    }

    [Fact]
    public async Task The_event_never_takes_more_registrations_than_its_capacity()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, capacity: 7, workshops: [new(100, 0)]);
        var client = _factory.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            client.PostAsJsonAsync($"/api/events/{e.EventId}/registrations", TestEvents.Delegate(i, e.Workshops[0]))));

        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(23, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(7, await _factory.WithDbAsync(db => db.Registrations.CountAsync()));
        Assert.Equal(7, await _factory.WithDbAsync(db => db.Events.Where(x => x.Id == e.EventId).Select(x => x.PlacesTaken).FirstAsync()));
    }

    [Fact]
    public async Task The_database_itself_refuses_an_over_booking()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, workshops: [new(1, 0)]);

        var ex = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => _factory.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE session SET places_taken = 2 WHERE id = {e.Workshops[0]}")));
        Assert.Equal("ck_session_places", ex.ConstraintName);
    }

    [Fact]
    public async Task The_place_claim_refuses_an_outcome_that_no_longer_holds_and_nothing_of_the_write_is_kept()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, capacity: 10, workshops: [new(1, 0)]);
        var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/events/{e.EventId}/registrations", TestEvents.Delegate(1, e.Workshops[0]))).StatusCode);

        // A write guessed from a read made before that registration: the workshop had room then, and has none now.
        var ex = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => _factory.WithDbAsync(async db =>
        {
            await using var connection = new Npgsql.NpgsqlConnection(db.Database.GetConnectionString());
            await connection.OpenAsync();
            await using var batch = new Npgsql.NpgsqlBatch(connection);
            batch.BatchCommands.Add(new Npgsql.NpgsqlBatchCommand("UPDATE partnership_event SET summary = 'changed' WHERE id = $1") { Parameters = { new() { Value = e.EventId } } });
            batch.BatchCommands.Add(PlaceClaim.Command(e.EventId, Guid.CreateVersion7(), confirmed: [e.Workshops[0]], waitlisted: []));
            return await batch.ExecuteNonQueryAsync();
        }));

        Assert.Equal(PlaceClaim.OutcomeOutOfDate, ex.SqlState);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == e.Workshops[0]).Select(s => s.PlacesTaken).FirstAsync()));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Events.Where(x => x.Id == e.EventId).Select(x => x.PlacesTaken).FirstAsync()));
        Assert.NotEqual("changed", await _factory.WithDbAsync(db => db.Events.Where(x => x.Id == e.EventId).Select(x => x.Summary).FirstAsync()));
    }
}
