using System.Net;
using System.Net.Http.Json;
using Platform.Events.CheckIn;
using Platform.Events.Registrations;

namespace Platform.Events.Tests;

public sealed class CheckInTests(PostgresServer postgres) : IAsyncLifetime
{
    private EventsFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await EventsFactory.StartAsync(postgres);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Staff_check_delegates_in_at_the_door_and_at_sessions_and_see_attendance()
    {
        var e = await TestEvents.CreatePublishedAsync(_factory, workshops: [new(1, 0)]);
        var client = _factory.CreateClient();
        var booked = await (await client.PostAsJsonAsync($"/api/events/{e.EventId}/registrations", TestEvents.Delegate(1, e.Workshops[0]))).RegisteredAsync(_factory);
        var waiting = await (await client.PostAsJsonAsync($"/api/events/{e.EventId}/registrations", TestEvents.Delegate(2, e.Workshops[0]))).ReadAsync<RegistrationCreated>();
        var staff = _factory.CreateStaffClient();

        Assert.Equal(HttpStatusCode.Unauthorized,
            (await client.PostAsJsonAsync($"/api/events/{e.EventId}/check-ins", new CheckInRequest(booked.Registration.CheckInCode))).StatusCode);

        Assert.Null((await (await client.GetAsync($"/api/events/registrations/{booked.ManageToken}")).ReadAsync<RegistrationView>()).CheckedInAt);
        var first = await (await staff.PostAsJsonAsync($"/api/events/{e.EventId}/check-ins",
            new CheckInRequest(booked.Registration.CheckInCode.ToLowerInvariant()))).ReadAsync<CheckInResult>();
        Assert.False(first.AlreadyCheckedIn);
        // The delegate's own view says so too: the site's manage pages offer feedback and a certificate from then on.
        Assert.NotNull((await (await client.GetAsync($"/api/events/registrations/{booked.ManageToken}")).ReadAsync<RegistrationView>()).CheckedInAt);
        var again = await (await staff.PostAsJsonAsync($"/api/events/{e.EventId}/check-ins", new CheckInRequest(booked.Registration.CheckInCode))).ReadAsync<CheckInResult>();
        Assert.True(again.AlreadyCheckedIn);
        Assert.Equal(HttpStatusCode.NotFound,
            (await staff.PostAsJsonAsync($"/api/events/{e.EventId}/check-ins", new CheckInRequest("ZZZZZZZZ"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await staff.PostAsJsonAsync($"/api/events/{e.EventId}/check-ins", new CheckInRequest("x"))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/events/{e.EventId}/sessions/{e.Workshops[0]}/check-ins",
            new CheckInRequest(booked.Registration.CheckInCode))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/events/{e.EventId}/sessions/{e.Workshops[0]}/check-ins",
            new CheckInRequest(waiting.Registration.CheckInCode))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/events/{e.EventId}/sessions/{e.Keynote}/check-ins",
            new CheckInRequest(waiting.Registration.CheckInCode))).StatusCode);

        var attendance = await (await staff.GetAsync($"/api/events/{e.EventId}/attendance")).ReadAsync<AttendanceFigures>();
        Assert.Equal(2, attendance.Registered);
        Assert.Equal(1, attendance.CheckedIn);
        var workshop = attendance.Sessions.Single(s => s.SessionId == e.Workshops[0]);
        Assert.Equal((1, 1, 1), (workshop.Confirmed, workshop.Waitlisted, workshop.Attended));
        Assert.Equal(1, attendance.Sessions.Single(s => s.SessionId == e.Keynote).Attended);
    }
}
