using System.ComponentModel.DataAnnotations;

namespace Platform.Notifications.Delivery;

/// <summary>Sender identity, bound from <c>Notifications:Mail</c>. The server itself is <c>ConnectionStrings:mail</c>.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Notifications:Mail";

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "updates@safer-communities.local";

    [Required]
    public string FromName { get; set; } = "Safer Communities Partnership";

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
