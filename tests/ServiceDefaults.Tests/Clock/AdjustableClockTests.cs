using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Clock;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Tests.Identity;
using Platform.ServiceDefaults.Tests.Support;
using Platform.TestSupport;

namespace Platform.ServiceDefaults.Tests.Clock;

public sealed class AdjustableClockTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Advancing_moves_the_time_forward_and_ends_the_current_moved_token()
    {
        var wall = new ManualTimeProvider(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
        var clock = new AdjustableClock(wall);
        var moved = clock.Moved;

        var now = clock.Advance(TimeSpan.FromDays(45));

        Assert.Equal(wall.GetUtcNow().AddDays(45), now);
        Assert.True(moved.IsCancellationRequested);
        Assert.False(clock.Moved.IsCancellationRequested);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public async Task A_delay_ends_early_when_the_clock_moves_and_not_otherwise()
    {
        var clock = new AdjustableClock(TimeProvider.System);
        var delay = clock.DelayAsync(TimeSpan.FromMinutes(10), clock, Cancel);
        await Task.Delay(50, Cancel);
        Assert.False(delay.IsCompleted);

        clock.Advance(TimeSpan.FromHours(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(5), Cancel);
    }

    [Fact]
    public async Task Only_configured_development_services_get_the_endpoint_and_fresh_tokens_still_validate_after_a_move()
    {
        var key = TestKeys.NewSigningKey();
        var settings = TestApp.WithKey(key);
        settings["Clock:Adjustable"] = "true";
        await using var app = await TestApp.StartAsync(_ => { }, settings);
        using var client = app.GetTestClient();
        var staff = TokenIssuers.With(key).Issue(TokenIssuers.Staff());

        using var anonymous = await client.PostAsJsonAsync("/testing/clock", new { advanceBy = "1.00:00:00" }, Cancel);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/testing/clock") { Content = JsonContent.Create(new { advanceBy = "45.00:00:00" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", staff);
        using var moved = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var now = JsonDocument.Parse(await moved.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("now").GetDateTimeOffset();
        Assert.InRange(now - DateTimeOffset.UtcNow, TimeSpan.FromDays(45) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(45) + TimeSpan.FromMinutes(1));
        Assert.IsType<AdjustableClock>(app.Services.GetRequiredService<TimeProvider>());

        // The token was minted on the wall clock (as the gateway does) and is still good on a service 45 days ahead.
        using var again = new HttpRequestMessage(HttpMethod.Get, "/testing/clock");
        again.Headers.Authorization = new AuthenticationHeaderValue("Bearer", staff);
        using var read = await client.SendAsync(again, Cancel);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Without_the_setting_there_is_no_clock_endpoint_and_outside_development_the_setting_is_refused()
    {
        var key = TestKeys.NewSigningKey();
        await using var app = await TestApp.StartAsync(_ => { }, TestApp.WithKey(key));
        using var client = app.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/testing/clock") { Content = JsonContent.Create(new { advanceBy = "1.00:00:00" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenIssuers.With(key).Issue(TokenIssuers.Staff()));
        using var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Same(TimeProvider.System, app.Services.GetRequiredService<TimeProvider>());

        var production = TestApp.WithKey(key);
        production["Clock:Adjustable"] = "true";
        await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(_ => { }, production, environment: "Production"));
    }
}
