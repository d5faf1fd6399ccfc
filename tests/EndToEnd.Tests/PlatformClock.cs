using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.EndToEnd.Tests.Gateway;
using Platform.ServiceDefaults.Identity;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Moves a service's clock forward (ServiceDefaults' adjustable clock, switched on by <see cref="TestPlatformSettings"/>),
/// calling the service directly as staff with a token signed by the platform's own key. The clock only moves forward
/// and every test shares the platform: assert on what a move causes, not on absolute dates.
/// </summary>
internal static class PlatformClock
{
    public static async Task<DateTimeOffset> AdvanceClockAsync(this PlatformFixture platform, string service, TimeSpan by)
    {
        using var client = platform.App.CreateHttpClient(service);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/testing/clock") { Content = JsonContent.Create(new { advanceBy = by }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", platform.InternalStaffToken(service));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"advance {service} clock: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("now").GetDateTimeOffset();
    }

    /// <summary>
    /// An internal staff token for calling a service directly (what the gateway would attach), signed with the private
    /// half of the platform's key pair, which the AppHost keeps in the data folder and gives to the gateway only.
    /// </summary>
    public static string InternalStaffToken(this PlatformFixture platform, string audience) =>
        new InternalTokenIssuer(Options.Create(new InternalTokenOptions { SigningKey = platform.Secret("internal-token-key-private") }), TimeProvider.System)
            .Issue(new InternalIdentity("end-to-end-tests", PlatformClaims.Roles.Staff, null, []), audience);
}
