using System.ComponentModel.DataAnnotations;

namespace Platform.Gateway.Edge;

/// <summary>Section "Edge": what the gateway lets browsers and callers do.</summary>
public sealed class EdgeOptions
{
    public const string SectionName = "Edge";

    /// <summary>Origins whose pages may call the API from a browser, e.g. the office's website that embeds the sign-up form.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Largest request body accepted; larger ones get 413 before anything reaches a service.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a service may stay silent before the gateway answers 504 for it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan UpstreamTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
