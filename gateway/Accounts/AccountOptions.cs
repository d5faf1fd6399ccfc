using System.ComponentModel.DataAnnotations;

namespace Platform.Gateway.Accounts;

/// <summary>Section "Accounts". The AppHost sets the first staff account's credentials (Accounts__BootstrapStaff__*).</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Failed logins in a row before the account is locked for <see cref="LockoutDuration"/>.</summary>
    [Range(3, 20)]
    public int MaxFailedLogins { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Length over composition rules (NIST SP 800-63B): a long passphrase beats "Passw0rd!".</summary>
    [Range(12, 128)]
    public int MinimumPasswordLength { get; set; } = 12;

    public BootstrapStaffOptions BootstrapStaff { get; set; } = new();
}

/// <summary>
/// The first staff account, created at start when no staff account exists yet. The AppHost passes a generated
/// secret as the password (kept under .platform/, like Aspire's generated parameters).
/// </summary>
public sealed class BootstrapStaffOptions
{
    [EmailAddress]
    public string Email { get; set; } = "admin@platform.local";

    public string? Password { get; set; }
}
