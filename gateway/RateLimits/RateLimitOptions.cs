using System.ComponentModel.DataAnnotations;

namespace Platform.Gateway.RateLimits;

/// <summary>Section "RateLimits". Partner keys carry their own limit; these are for everyone else.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Anonymous writes (sign-up, registration, application, nomination) per client IP address.</summary>
    [Range(1, 100_000)]
    public int PublicWritesPerWindow { get; set; } = 30;

    /// <summary>The window every limit here counts in.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PublicWriteWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Logins, invitation acceptances and password changes per client IP address, and password changes per signed-in
    /// account, in the same window, whoever is signed in. Counted apart from public writes so a burst of sign-ups from
    /// one office cannot keep its staff out; failed logins are throttled per account on top (Accounts:LoginThrottle).
    /// </summary>
    [Range(1, 100_000)]
    public int LoginsPerWindow { get; set; } = 20;

    /// <summary>Writes by a signed-in staff or organisation user, per user, in the same window.</summary>
    [Range(1, 100_000)]
    public int SignedInWritesPerWindow { get; set; } = 120;

    /// <summary>
    /// How many gateways share the limits (the AppHost's --replicas, the deployment's replica count). Each counts in
    /// its own memory and allows its share, so a caller's requests however spread over the gateways never exceed a
    /// limit; one caller kept on one gateway (a single keep-alive connection) gets only that gateway's share
    /// (README, "Scale-out", says why this and not a count in PostgreSQL).
    /// </summary>
    [Range(1, 1_000)]
    public int Replicas { get; set; } = 1;

    /// <summary>This gateway's share of <paramref name="limit"/>: at least one, so a small limit still lets a caller through.</summary>
    public int ShareOf(int limit) => Math.Max(1, limit / Replicas);
}
