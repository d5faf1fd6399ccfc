using System.ComponentModel.DataAnnotations;

namespace Platform.Gateway.RateLimits;

/// <summary>Section "RateLimits". Partner keys carry their own limit; these are for everyone else.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Public writes (sign-up, registration, application, nomination) per client IP address.</summary>
    [Range(1, 100_000)]
    public int PublicWritesPerWindow { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PublicWriteWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Logins and invitation acceptances per client IP address, in the same window. Counted apart from public writes
    /// so a burst of sign-ups from one office cannot lock its staff out; lockout guards each account on top.
    /// </summary>
    [Range(1, 100_000)]
    public int LoginsPerWindow { get; set; } = 20;
}
