using System.Net;
using System.Net.Http.Json;
using Platform.Events.Catalogue;
using Platform.Events.CheckIn;

namespace Platform.Events.Tests;

/// <summary>Delegates as the features after registration need them: registered, their address proved, checked in.</summary>
public static class TestDelegates
{
    /// <summary>Registers delegate <paramref name="n"/> for the event's first workshop and answers the registration with its manage token.</summary>
    public static async Task<Registered> RegisterAsync(EventsFactory factory, TestEvents.Created e, int n, bool consent = true, bool confirmEmail = true)
    {
        var response = await factory.CreateClient().PostAsJsonAsync($"/api/events/{e.EventId}/registrations",
            TestEvents.Delegate(n, e.Workshops[0]) with { ConsentToDelegateList = consent });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var registered = await response.RegisteredAsync(factory);
        if (confirmEmail)
            Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().PostAsync($"{ManagePath(registered)}/confirm", null)).StatusCode);
        return registered;
    }

    public static async Task CheckInAsync(EventsFactory factory, TestEvents.Created e, Registered delegateToCheckIn) =>
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateStaffClient().PostAsJsonAsync($"/api/events/{e.EventId}/check-ins",
            new CheckInRequest(delegateToCheckIn.Registration.CheckInCode))).StatusCode);

    public static string ManagePath(Registered r) => $"/api/events/registrations/{Uri.EscapeDataString(r.ManageToken)}";

    /// <summary>A published training day (the kind certificates are for) with one workshop.</summary>
    public static async Task<TestEvents.Created> PublishedTrainingDayAsync(EventsFactory factory)
    {
        var e = await TestEvents.CreatePublishedAsync(factory, workshops: [new(50, 0)]);
        var changed = await factory.CreateStaffClient().PutAsJsonAsync($"/api/events/{e.EventId}",
            TestEvents.Request(factory.Time.GetUtcNow()) with { Kind = EventKind.TrainingDay });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        return e;
    }
}
