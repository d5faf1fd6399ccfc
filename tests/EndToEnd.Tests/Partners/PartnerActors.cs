using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Partners;

/// <summary>Acting as a partner's or an organisation's system: through the gateway with an API key.</summary>
internal static class PartnerActors
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>An organisation user issues a key that acts as their organisation, as they would in the back office.</summary>
    public static async Task<string> OrganisationKeyAsync(this PlatformFixture platform, string userToken, params string[] scopes)
    {
        var created = await platform.Gateway.SendAsync(HttpMethod.Post, "/gateway/organisation/api-keys", userToken,
            new { name = $"Rota system {Guid.CreateVersion7():N}", scopes });
        return created.GetProperty("key").GetString()!;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> CallWithKeyAsync(
        this HttpClient gateway, HttpMethod method, string path, string key, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        using var response = await gateway.SendAsync(request, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<JsonElement> OkWithKeyAsync(this HttpClient gateway, HttpMethod method, string path, string key, object? body = null)
    {
        var (status, json) = await gateway.CallWithKeyAsync(method, path, key, body);
        Assert.True((int)status is >= 200 and < 300, $"{method} {path}: {(int)status} {json}");
        return json;
    }
}
