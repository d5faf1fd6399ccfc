using System.ComponentModel.DataAnnotations;

namespace Platform.Gateway.Site;

/// <summary>Section "Site": how the gateway knows its own web site when the site calls the API.</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>
    /// The key the site sends in <see cref="VisitorAddress.EdgeKeyHeader"/> (the AppHost's generated parameter).
    /// With it, the site's X-Forwarded-For names the visitor, and the visitor's public writes through a form count
    /// against the same per-address limit as their API calls. Unset: no caller is trusted to name another address.
    /// </summary>
    [MinLength(32)]
    public string? EdgeKey { get; set; }
}
