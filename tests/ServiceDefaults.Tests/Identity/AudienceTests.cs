using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests.Identity;

/// <summary>The gateway mints each token for one service; another service refuses it, and no audience is shared.</summary>
public sealed class AudienceTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("events", HttpStatusCode.OK)]
    [InlineData("volunteers", HttpStatusCode.Unauthorized)]
    // The audience every service used to accept beside its own: a token lifted from one service opened them all.
    [InlineData("platform-services", HttpStatusCode.Unauthorized)]
    public async Task A_service_accepts_tokens_for_itself_only(string audience, HttpStatusCode expected)
    {
        var key = TestKeys.NewSigningKey();
        var settings = TestApp.WithKey(key);
        settings["OTEL_SERVICE_NAME"] = "events";
        await using var app = await TestApp.StartAsync(
            routes => routes.MapGet("/staff", () => "ok").RequireAuthorization(PlatformPolicies.Staff), settings);

        var token = TokenIssuers.With(key).Issue(TokenIssuers.Staff(), audience);
        var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await app.GetTestClient().SendAsync(request, Cancel);

        Assert.Equal(expected, response.StatusCode);
    }
}
