using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Bench;

/// <summary>The running platform's generated credentials (its data folder's secrets.json) and the first staff account's token.</summary>
public static class PlatformSecrets
{
    public static Dictionary<string, string> Read(BenchOptions options)
    {
        if (options.DataFolder is { } data)
            return Parse(Path.Combine(data, "secrets.json"));
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            var secrets = Path.Combine(folder.FullName, ".platform", "secrets.json");
            if (File.Exists(secrets)) return Parse(secrets);
        }

        throw new InvalidOperationException("No .platform/secrets.json above the current folder: run the bench from the repository of a running platform, or pass --data DIR.");
    }

    public static async Task<string> StaffTokenAsync(HttpClient gateway, IReadOnlyDictionary<string, string> secrets)
    {
        using var login = await gateway.PostAsJsonAsync("/gateway/accounts/login", new { email = "admin@platform.local", password = secrets["gateway-staff-password"] });
        if (!login.IsSuccessStatusCode)
            throw new InvalidOperationException($"staff login: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static Dictionary<string, string> Parse(string path) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!;
}
