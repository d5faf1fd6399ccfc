using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;

namespace Platform.TestSupport;

/// <summary>
/// Link-secret keys for a test run (messaging/LinkSecrets), as the AppHost gives them: each publishing service seals
/// with its own, Notifications holds all of them.
/// </summary>
public static class TestLinkSecrets
{
    public static readonly IReadOnlyDictionary<string, string> Keys = new[] { "events", "volunteers", "awards", "gateway" }
        .ToDictionary(service => KeyIdOf(service), _ => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    public static string KeyIdOf(string service) => $"{service}-1";

    /// <summary>Notifications holds every publisher's key; any other service its own, sealed with.</summary>
    public static void Configure(IWebHostBuilder builder, string service)
    {
        if (service == "notifications") ConfigureNotifications(builder);
        else ConfigurePublisher(builder, service);
    }

    /// <summary>A publishing service: its own key, sealed with.</summary>
    public static void ConfigurePublisher(IWebHostBuilder builder, string service)
    {
        builder.UseSetting($"Messaging:LinkSecrets:Keys:{KeyIdOf(service)}", Keys[KeyIdOf(service)]);
        builder.UseSetting("Messaging:LinkSecrets:SealWith", KeyIdOf(service));
    }

    /// <summary>Notifications: every publisher's key, to open with.</summary>
    public static void ConfigureNotifications(IWebHostBuilder builder)
    {
        foreach (var (id, key) in Keys) builder.UseSetting($"Messaging:LinkSecrets:Keys:{id}", key);
    }
}
