using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.Web.Site;

/// <summary>
/// Where the site keeps its ASP.NET Core Data Protection keys (section <c>DataProtection</c>), which sign its
/// antiforgery tokens and protect its TempData cookie. Every copy of the site must hold the same key ring, or a form
/// rendered by one copy is refused when another serves its post: `./platform up --replicas N` gives the copies one
/// folder in the data folder, and deploy/k8s mounts one Secret into every pod (README, "Deploying to Kubernetes").
/// </summary>
public sealed class SiteKeysOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>The shared key folder; none keeps ASP.NET Core's per-user default (one process on one machine).</summary>
    public string? KeysFolder { get; set; }

    /// <summary>
    /// False where the folder is read-only (a Kubernetes Secret): the copies then use the keys they are given, an expired
    /// one included, and never write one of their own, which the other pods would not have.
    /// </summary>
    public bool GenerateKeys { get; set; } = true;
}

internal static class SiteKeys
{
    /// <summary>One application name for every copy: keys made for one are valid for the others (the default is the content root path).</summary>
    public const string ApplicationName = "platform-web";

    public static IServiceCollection AddSiteKeys(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SiteKeysOptions.SectionName).Get<SiteKeysOptions>() ?? new SiteKeysOptions();
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (!string.IsNullOrWhiteSpace(options.KeysFolder)) protection.PersistKeysToFileSystem(new DirectoryInfo(options.KeysFolder));
        if (!options.GenerateKeys) protection.DisableAutomaticKeyGeneration();
        // A shared folder the copies write: its first key made by one of them before any serves (FirstSiteKey).
        if (!string.IsNullOrWhiteSpace(options.KeysFolder) && options.GenerateKeys)
        {
            services.TryAddSingleton(TimeProvider.System);
            services.AddHostedService(provider => ActivatorUtilities.CreateInstance<FirstSiteKey>(provider, options.KeysFolder));
        }
        return services;
    }
}
