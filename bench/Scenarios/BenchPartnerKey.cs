using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Bench.Scenarios;

/// <summary>
/// A partner API key for the run, so gateway traffic is authenticated and rate limited as a partner's would be. Made
/// as the first staff account (its password is the AppHost's generated parameter in the data folder), revoked after.
/// </summary>
public sealed class BenchPartnerKey : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly Guid _id;

    private BenchPartnerKey(HttpClient http, Guid id, string key)
    {
        _http = http;
        _id = id;
        Key = key;
    }

    public string Key { get; }

    public static async Task<BenchPartnerKey> CreateAsync(BenchOptions options, string scope, int permitsPerMinute)
    {
        var http = new HttpClient { BaseAddress = options.Gateway };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await PlatformSecrets.StaffTokenAsync(http, PlatformSecrets.Read(options)));

        using var organisation = await http.PostAsJsonAsync("/gateway/organisations", new { name = $"Bench {Guid.CreateVersion7():N}" });
        organisation.EnsureSuccessStatusCode();
        var organisationId = (await organisation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var created = await http.PostAsJsonAsync("/gateway/api-keys",
            new { name = "bench", organisationId, scopes = new[] { scope }, permitsPerMinute });
        created.EnsureSuccessStatusCode();
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return new BenchPartnerKey(http, body.GetProperty("id").GetGuid(), body.GetProperty("key").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        using var revoked = await _http.DeleteAsync($"/gateway/api-keys/{_id}");
        _http.Dispose();
    }

}
