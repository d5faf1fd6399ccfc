using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.ReferenceData;

/// <summary>
/// The county's districts and unitary areas: the one list every service checks a district against and the gateway
/// publishes (GET /api/reference/districts). Bound from section "Districts" (e.g. <c>Districts__Names__0=...</c>);
/// every process reads the same configuration, so they cannot disagree unless one is configured apart.
/// </summary>
public sealed class DistrictOptions
{
    public const string SectionName = "Districts";
    public const int MaxLength = 100;

    /// <summary>The list before any configuration: the seven the Volunteers service always accepted.</summary>
    public static readonly IReadOnlyList<string> DefaultNames =
        ["Ashford Vale", "Brookmere", "Castleton", "Dunmore", "Eastwick", "Fairhaven", "Greystone"];

    public List<string> Names { get; set; } = [];
}

/// <summary>Fills the default list when configuration names none (binding appends to a list, so it cannot be the initialiser).</summary>
internal sealed class DistrictOptionsDefaults : IPostConfigureOptions<DistrictOptions>
{
    public void PostConfigure(string? name, DistrictOptions options)
    {
        if (options.Names.Count == 0) options.Names.AddRange(DistrictOptions.DefaultNames);
    }
}

/// <summary>Fails start-up with what is wrong with the configured list, rather than rejecting requests later.</summary>
internal sealed class DistrictOptionsValidator : IValidateOptions<DistrictOptions>
{
    public ValidateOptionsResult Validate(string? name, DistrictOptions options)
    {
        var failures = new List<string>();
        if (options.Names.Any(d => string.IsNullOrWhiteSpace(d) || d.Trim().Length > DistrictOptions.MaxLength || d.Any(char.IsControl)))
            failures.Add($"Districts:Names entries must be 1 to {DistrictOptions.MaxLength} characters on one line.");
        var repeated = options.Names.GroupBy(d => d.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
            failures.Add($"Districts:Names repeats {string.Join(", ", repeated)} (names are compared without regard to case).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
