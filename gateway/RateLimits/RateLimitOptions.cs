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
}
