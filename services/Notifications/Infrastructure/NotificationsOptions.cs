using System.ComponentModel.DataAnnotations;

namespace Platform.Notifications.Infrastructure;

/// <summary>Bound from <c>Notifications</c>.</summary>
public sealed class NotificationsOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Where links in emails point: the public gateway, not this service's own address. https in production (RFC 8058).</summary>
    [Required]
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:8080/");

    /// <summary>How long a confirmation link works; an unconfirmed sign-up is removed after it.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan ConfirmationWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long the manage and unsubscribe links in an email work.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "400.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>An address's personal data is removed this long after its subscription ends.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan RetentionAfterEnd { get; set; } = TimeSpan.FromDays(28);

    /// <summary>How often expired sign-ups and lapsed personal data are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromMinutes(10);
}
