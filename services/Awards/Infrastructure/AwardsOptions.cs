using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Platform.Awards.Infrastructure;

/// <summary>Bound from section "Awards" and validated at start.</summary>
public sealed class AwardsOptions
{
    public const string SectionName = "Awards";

    /// <summary>Where the public results page is reached (the gateway), for the link in WinnersAnnounced.</summary>
    [Required]
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:8080/");

    /// <summary>How often the embargo sweeper looks for ceremonies that have started (a moved test clock wakes it at once).</summary>
    public TimeSpan EmbargoSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after the nomination window closes a nominator's manage link still shows their nomination.</summary>
    public TimeSpan ManageLinkLifetimeAfterClose { get; set; } = TimeSpan.FromDays(365);

    public IEnumerable<string> Validate()
    {
        if (!PublicBaseUrl.IsAbsoluteUri) yield return "Awards:PublicBaseUrl must be an absolute URL.";
        if (EmbargoSweepInterval <= TimeSpan.Zero) yield return "Awards:EmbargoSweepInterval must be positive.";
        if (ManageLinkLifetimeAfterClose <= TimeSpan.Zero) yield return "Awards:ManageLinkLifetimeAfterClose must be positive.";
    }
}

/// <summary>Fails start-up with every broken option named, rather than a generic message.</summary>
internal sealed class AwardsOptionsValidator : IValidateOptions<AwardsOptions>
{
    public ValidateOptionsResult Validate(string? name, AwardsOptions options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
