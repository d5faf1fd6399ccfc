using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Clock;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests.Identity;

/// <summary>
/// On a test platform a service's clock can be moved weeks ahead (business time), while the gateway mints tokens on the
/// real clock: a token must still be judged by the real clock, or every request after a move would be 401.
/// </summary>
public sealed class AdjustableClockTokenTests
{
    [Fact]
    public async Task A_fresh_token_is_accepted_after_the_service_clock_moves_weeks_ahead()
    {
        var key = TestKeys.NewSigningKey();
        var configuration = TestApp.WithKey(key);
        configuration["Clock:Adjustable"] = "true";
        await using var app = await TestApp.StartAsync(a => a.MapGet("/staff", (ClaimsPrincipal user) => user.GetSubject()).RequireAuthorization(PlatformPolicies.Staff),
            configuration);
        app.Services.GetRequiredService<AdjustableClock>().Advance(TimeSpan.FromDays(46));
        var token = TokenIssuers.With(key, TimeProvider.System).Issue(TokenIssuers.Staff());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await app.GetTestClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(app.Services.GetRequiredService<TimeProvider>().GetUtcNow() > DateTimeOffset.UtcNow.AddDays(45));
    }
}
