using System.ComponentModel.DataAnnotations;

namespace Platform.Gateway.ApiKeys;

/// <summary>Section "ApiKeys": defaults and bounds for partner keys.</summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "ApiKeys";

    [Range(typeof(TimeSpan), "1.00:00:00", "1095.00:00:00")]
    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromDays(365);

    [Range(typeof(TimeSpan), "1.00:00:00", "1095.00:00:00")]
    public TimeSpan MaximumLifetime { get; set; } = TimeSpan.FromDays(730);

    [Range(1, 100_000)]
    public int DefaultPermitsPerMinute { get; set; } = 60;

    [Range(1, 1_000_000)]
    public int MaximumPermitsPerMinute { get; set; } = 600_000;

    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan DefaultRotationOverlap { get; set; } = TimeSpan.FromHours(24);

    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan MaximumRotationOverlap { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a gateway keeps a key it has looked up (<see cref="ApiKeyAuthenticator"/>). Revoking or rotating a key
    /// evicts it on the gateway that did so at once; every other gateway refuses it within this time (the bound with
    /// several replicas). Zero looks every key up on every request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(30);
}
