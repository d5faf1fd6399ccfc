using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace Platform.Notifications.Delivery;

/// <summary>
/// Sender identity and how to reach the relay, bound from <c>Notifications:Mail</c>. The server's address itself is
/// <c>ConnectionStrings:mail</c>.
/// </summary>
public sealed class MailOptions
{
    public const string SectionName = "Notifications:Mail";

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "updates@safer-communities.local";

    [Required]
    public string FromName { get; set; } = "Safer Communities Partnership";

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// StartTlsWhenAvailable encrypts whenever the server offers STARTTLS (the local sink does not). A real relay should
    /// be StartTls (port 587) or SslOnConnect (port 465), so that a server that stops offering TLS is refused, not used
    /// in clear.
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    /// <summary>The relay's login, if it wants one; both or neither, and only over TLS that cannot be skipped.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>An open connection unused for this long is closed rather than reused (servers drop idle clients).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan IdleConnectionLifetime { get; set; } = TimeSpan.FromSeconds(30);
}
