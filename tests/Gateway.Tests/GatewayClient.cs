using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Gateway.Tests;

/// <summary>Small helpers for driving the gateway's own API as staff would.</summary>
public static class GatewayClient
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static HttpRequestMessage As(this HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static HttpRequestMessage WithKey(this HttpRequestMessage request, string key)
    {
        request.Headers.Add("X-Api-Key", key);
        return request;
    }

    public static async Task<JsonElement> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) }.As(token);
        using var response = await client.SendAsync(request, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<Guid> CreateOrganisationAsync(this HttpClient client, string staffToken, string name = "Northshire Fire and Rescue")
    {
        var organisation = await client.SendJsonAsync(HttpMethod.Post, "/gateway/organisations", staffToken, new { name });
        return organisation.GetProperty("id").GetGuid();
    }

    public static async Task<(Guid Id, string Key)> CreateKeyAsync(
        this HttpClient client, string staffToken, Guid organisationId, string[] scopes, int? permitsPerMinute = null)
    {
        var created = await client.SendJsonAsync(HttpMethod.Post, "/gateway/api-keys", staffToken,
            new { name = "partner system", organisationId, scopes, permitsPerMinute });
        return (created.GetProperty("id").GetGuid(), created.GetProperty("key").GetString()!);
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();
    }
}
