using System.Net;
using System.Net.Http.Json;
using Platform.Events.Catalogue;
using Platform.Events.Organising;
using Platform.Events.Registrations;

namespace Platform.Events.Tests;

/// <summary>Builds events through the staff API, as the office would.</summary>
public static class TestEvents
{
    public sealed record Workshop(int Capacity, int Slot);

    public sealed record Created(Guid EventId, IReadOnlyList<Guid> Workshops, Guid Keynote);

    public static EventRequest Request(DateTimeOffset now, int capacity = 200, int min = 1, int max = 1) => new(
        "Safer Streets Partnership Conference", "A day of <b>workshops</b>", EventKind.Conference,
        new VenueRequest("City Stadium", "1 Stadium Way", "ab1 2cd", "Castleton"), "Commissioner's office",
        now.AddDays(30), now.AddDays(30).AddHours(8), now.AddDays(-1), now.AddDays(29), capacity, min, max);

    public static async Task<Created> CreatePublishedAsync(
        EventsFactory factory, int capacity = 200, int min = 1, int max = 1, params Workshop[] workshops)
    {
        var staff = factory.CreateStaffClient();
        var request = Request(factory.Time.GetUtcNow(), capacity, min, max);
        var created = await staff.PostAsJsonAsync("/api/events", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var e = await created.ReadAsync<EventDetail>();

        var keynote = await AddSessionAsync(staff, e.Id, new SessionRequest("Opening keynote", "", SessionKind.Keynote,
            request.StartsAt, request.StartsAt!.Value.AddHours(1), "Main hall", [new("The Commissioner", "PFCC")], null));
        var ids = new List<Guid>();
        for (var i = 0; i < workshops.Length; i++)
        {
            var starts = request.StartsAt!.Value.AddHours(1 + workshops[i].Slot);
            ids.Add(await AddSessionAsync(staff, e.Id, new SessionRequest($"Workshop {i + 1}", "", SessionKind.Workshop,
                starts, starts.AddHours(1), $"Room {i + 1}", [new("A Facilitator", "Council")], workshops[i].Capacity)));
        }

        var published = await staff.PostAsync($"/api/events/{e.Id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return new Created(e.Id, ids, keynote);
    }

    private static async Task<Guid> AddSessionAsync(HttpClient staff, Guid eventId, SessionRequest request)
    {
        var response = await staff.PostAsJsonAsync($"/api/events/{eventId}/sessions", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<SessionView>()).Id;
    }

    public static RegistrationRequest Delegate(int n, params Guid[] choices) => new(
        $"Delegate {n}", $"delegate{n}@example.org", "Northside Council", Sector.Council, "Community safety officer",
        "", "Vegetarian", true, choices);
}

/// <summary>A registration as its delegate holds it: the answer, and the manage token from the email (the answer never has it).</summary>
public sealed record Registered(RegistrationView Registration, string ManageToken);

public static class RegisteredExtensions
{
    /// <summary>Reads a 201 and takes its manage token from the confirmation message, as the delegate takes it from their email.</summary>
    public static async Task<Registered> RegisteredAsync(this HttpResponseMessage response, EventsFactory factory)
    {
        var created = await response.ReadAsync<RegistrationCreated>();
        var message = await factory.PublishedAsync<Platform.Contracts.Events.RegistrationConfirmed>(m => m.RegistrationId == created.Registration.Id);
        return new Registered(created.Registration, message.ManageToken);
    }
}
