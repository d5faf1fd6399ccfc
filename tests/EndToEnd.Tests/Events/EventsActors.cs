using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Events;

/// <summary>An event set up by staff through the gateway, and delegates registering for it as members of the public.</summary>
internal sealed record TestEvent(Guid Id, string Title, DateTimeOffset StartsAt, IReadOnlyList<Guid> Workshops);

internal static class EventsActors
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// A published conference 30 days out (far enough that moving the Events clock by days in one test leaves every
    /// other test's event open), with workshops of the given capacities: two per time slot, hour after hour.
    /// </summary>
    public static async Task<TestEvent> PublishEventAsync(
        this PlatformFixture platform, int capacity, int[] workshopCapacities, int minWorkshops = 1, int maxWorkshops = 1, string kind = "Conference")
    {
        var staff = await platform.LoginAsStaffAsync();
        var title = $"Partnership Conference {Guid.CreateVersion7():N}";
        var startsAt = DateTimeOffset.UtcNow.AddDays(30);
        var created = await platform.Gateway.SendAsync(HttpMethod.Post, "/api/events", staff, new
        {
            title,
            summary = "Partners working together on safer streets.",
            kind,
            venue = new { name = "County Stadium", address = "Stadium Way", postcode = "NS2 2BB", district = "Castleton" },
            organiser = "Office of the Police, Fire and Crime Commissioner",
            startsAt,
            endsAt = startsAt.AddHours(8),
            registrationOpensAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            registrationClosesAt = startsAt.AddDays(-1),
            capacity,
            minWorkshops,
            maxWorkshops,
        });
        var eventId = created.GetProperty("id").GetGuid();
        var workshops = new List<Guid>();
        for (var i = 0; i < workshopCapacities.Length; i++)
        {
            var slot = startsAt.AddHours(1 + i / 2);
            var workshop = await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/events/{eventId}/sessions", staff, new
            {
                title = $"Workshop {i + 1}",
                kind = "Workshop",
                startsAt = slot,
                endsAt = slot.AddHours(1),
                room = $"Room {i + 1}",
                capacity = workshopCapacities[i],
            });
            workshops.Add(workshop.GetProperty("id").GetGuid());
        }
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/events/{eventId}/publish", staff);
        return new TestEvent(eventId, title, startsAt, workshops);
    }

    public static object Delegate(string email, params Guid[] choices) => new
    {
        name = "Dee Delegate",
        email,
        organisation = "Northshire Fire and Rescue",
        sector = "FireAndRescue",
        role = "Prevention officer",
        consentToDelegateList = true,
        choices,
    };

    public static async Task<HttpResponseMessage> RegisterAsync(this HttpClient publicClient, TestEvent e, object registration) =>
        await publicClient.PostAsJsonAsync($"/api/events/{e.Id}/registrations", registration, Cancel);

    /// <summary>Registers (201) and answers the registration: never its manage token, which goes only to the address.</summary>
    public static async Task<JsonElement> RegisterOkAsync(this HttpClient publicClient, TestEvent e, object registration)
    {
        using var response = await publicClient.RegisterAsync(e, registration);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"register: {(int)response.StatusCode} {body}");
        var root = JsonDocument.Parse(body).RootElement;
        Assert.False(root.TryGetProperty("manageToken", out _), "The 201 must not carry the manage token.");
        return root.GetProperty("registration").Clone();
    }

    /// <summary>
    /// Registers, then opens the link from the confirmation email as the delegate does (which confirms the address, so
    /// the places are theirs rather than held), and answers the manage token.
    /// </summary>
    public static async Task<(string Token, JsonElement Registration)> RegisterWithEmailedTokenAsync(
        this PlatformFixture platform, HttpClient publicClient, TestEvent e, object registration)
    {
        var registered = await publicClient.RegisterOkAsync(e, registration);
        var token = await Site.Events.EventsSite.ManageTokenFromEmailAsync(platform, registered.GetProperty("email").GetString()!);
        using var confirmed = await publicClient.PostAsync($"{ManagePath(token)}/confirm", null, Cancel);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        return (token, registered);
    }

    public static string ManagePath(string token) => $"/api/events/registrations/{Uri.EscapeDataString(token)}";

    public static async Task<JsonElement> ManagedAsync(this HttpClient publicClient, string token)
    {
        using var response = await publicClient.GetAsync(ManagePath(token), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"manage: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Whether the registration still holds a choice of the session (withdrawn and expired ones are not shown).</summary>
    public static bool HasChoice(this JsonElement registration, Guid sessionId) =>
        registration.GetProperty("choices").EnumerateArray().Any(c => c.GetProperty("sessionId").GetGuid() == sessionId);

    public static string ChoiceStatus(this JsonElement registration, Guid sessionId) =>
        registration.GetProperty("choices").EnumerateArray()
            .Single(c => c.GetProperty("sessionId").GetGuid() == sessionId).GetProperty("status").GetString()!;
}
