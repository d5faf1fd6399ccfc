using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Events.Registrations;

namespace Platform.Events.Tests;

/// <summary>Waitlist promotion racing itself and the background promoter doing its job unprompted.</summary>
public sealed class PromotionConcurrencyTests(PostgresServer postgres)
{
    private static async Task<List<Registered>> RegisterManyAsync(HttpClient client, EventsFactory factory, Guid eventId, Guid workshop, int count)
    {
        var created = new List<Registered>();
        for (var i = 0; i < count; i++)
        {
            factory.Time.Advance(TimeSpan.FromSeconds(1));
            var response = await client.PostAsJsonAsync($"/api/events/{eventId}/registrations", TestEvents.Delegate(i, workshop));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            created.Add(await response.RegisteredAsync(factory));
        }
        return created;
    }

    [Fact]
    public async Task Concurrent_promotion_rounds_offer_each_freed_place_once_in_queue_order()
    {
        await using var factory = await EventsFactory.StartAsync(postgres);
        var e = await TestEvents.CreatePublishedAsync(factory, workshops: [new(3, 0)]);
        var client = factory.CreateClient();
        var delegates = await RegisterManyAsync(client, factory, e.EventId, e.Workshops[0], 10);

        // The three holders cancel at once, then five promoters race for the freed places.
        await Task.WhenAll(delegates.Take(3).Select(d => client.DeleteAsync($"/api/events/registrations/{d.ManageToken}")));
        var rounds = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => factory.RunPromotionAsync()));

        Assert.Equal(3, rounds.Sum(r => r.Offered));
        var offered = await factory.WithDbAsync(db => db.Choices.Where(c => c.Status == ChoiceStatus.Offered).Select(c => c.RegistrationId).ToListAsync());
        Assert.Equal(delegates.Skip(3).Take(3).Select(d => d.Registration.Id).Order(), offered.Order());
        Assert.Equal(3, await factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == e.Workshops[0]).Select(s => s.PlacesTaken).FirstAsync()));
    }

    [Fact]
    public async Task The_background_promoter_offers_a_freed_place_without_being_asked()
    {
        await using var factory = await EventsFactory.StartAsync(postgres, runBackgroundServices: true);
        var e = await TestEvents.CreatePublishedAsync(factory, workshops: [new(1, 0)]);
        var client = factory.CreateClient();
        var delegates = await RegisterManyAsync(client, factory, e.EventId, e.Workshops[0], 2);

        await client.DeleteAsync($"/api/events/registrations/{delegates[0].ManageToken}");

        var offer = await factory.PublishedAsync<Contracts.Events.PlaceOffered>(m => m.RegistrationId == delegates[1].Registration.Id);
        Assert.Equal(e.Workshops[0], offer.SessionId);
    }
}
