using System.Security.Cryptography;
using System.Text;

namespace Platform.Notifications.Subscriptions;

/// <summary>
/// A person known only by an email address. The address is stored once; <see cref="NormalizedEmail"/> makes
/// "Ann@Example.org" and "ann@example.org" the same subscriber under a unique index.
/// </summary>
public sealed class Subscriber
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Email { get; set; }

    public required string NormalizedEmail { get; init; }

    public DateTime CreatedAt { get; init; }

    public Subscription? Subscription { get; set; }

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>What is kept of an address once it must be forgotten (suppression list, erased delivery records).</summary>
    public static string Fingerprint(string email) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(email))));
}
