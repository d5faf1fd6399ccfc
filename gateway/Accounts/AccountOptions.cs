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

    /// <summary>How long a password-reset link works (it also stops once used or once a newer one is sent).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// At most one reset email per account in this time, however often it is asked for (the form answers the same
    /// either way), so nobody can fill an account holder's mailbox or keep replacing the link they are about to use.
    /// Requests are also limited per address at the edge, with sign-ins (EdgeRateLimits).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan PasswordResetInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Failed sign-ins of one account from one address within <see cref="FailedLoginWindow"/> before that address's
    /// further sign-ins of the account wait (<see cref="LoginThrottle"/>). No account is ever locked and no session ended.
    /// </summary>
    [Range(3, 100)]
    public int FailedLoginsPerAccountAndAddress { get; set; } = 5;

    /// <summary>Failed sign-ins of one account from anywhere within the window before every sign-in of it waits.</summary>
    [Range(3, 10_000)]
    public int FailedLoginsPerAccount { get; set; } = 50;

    /// <summary>Failed sign-ins from one address, over all accounts, within the window before its sign-ins wait.</summary>
    [Range(3, 100_000)]
    public int FailedLoginsPerAddress { get; set; } = 50;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan FailedLoginWindow { get; set; } = TimeSpan.FromMinutes(15);

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
