using System.ComponentModel.DataAnnotations;

namespace Platform.Notifications.Infrastructure;

/// <summary>Bound from <c>Notifications</c>.</summary>
public sealed class NotificationsOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Where links in emails point: the public gateway, not this service's own address.</summary>
    [Required]
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:8080/");

    /// <summary>How long a confirmation link works.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan ConfirmationWindow { get; set; } = TimeSpan.FromDays(7);
}
