using System.ComponentModel.DataAnnotations;

namespace Platform.Web.Site;

/// <summary>The site's settings (section <c>Site</c>), validated at start.</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>
    /// Where the site calls the platform: the gateway, as any client does. A logical address service discovery
    /// resolves (the AppHost's WithReference(gateway)).
    /// </summary>
    [Required]
    public Uri GatewayAddress { get; set; } = new("http://gateway");

    /// <summary>
    /// The key the gateway knows the site by (the AppHost's generated parameter). With it the gateway counts the
    /// site's public writes against the visitor's address, not the site's, so a form and the API share one limit.
    /// </summary>
    [Required, MinLength(32)]
    public string EdgeKey { get; set; } = "";

    /// <summary>How long a page waits for the platform before it shows the "try again later" page.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
