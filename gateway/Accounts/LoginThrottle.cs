using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Gateway.Data;

namespace Platform.Gateway.Accounts;

/// <summary>
/// Slows password guessing without locking anyone out: failed sign-ins are counted per account and address, per
/// account from anywhere, and per address over all accounts, each in a sliding window; once one count is full, sign-ins
/// it covers are refused (429 with Retry-After) until its oldest failure leaves the window. Live sessions are never
/// touched, so guessing at an account (the well-known first staff account included) cannot sign its owner out, and
/// its owner, from an address of their own, still signs in while a guesser elsewhere is held back: the count per account
/// from anywhere does not apply at an address the account signed in from within <see cref="KnownAddressFor"/>, since a
/// stranger guessing from many addresses could otherwise keep that count full, and so the account shut, indefinitely.
/// (A password reset also clears it, and marks the address it was completed from as known.) Unknown accounts are
/// counted exactly as known ones, so the answer reveals nothing.
/// </summary>
/// <remarks>
/// The counts are rows in the gateway's database (<see cref="LoginThrottleEntry"/>), so they hold across gateway
/// replicas and restarts: N gateways in memory would allow N times the guesses. Sign-ins are rare, so a few small
/// queries each cost nothing that matters (unlike the per-request rate limits, which stay in memory: RateLimits).
/// </remarks>
public sealed class LoginThrottle(GatewayDbContext db, IOptions<AccountOptions> options, TimeProvider time)
{
    /// <summary>How long after a successful sign-in its address stays known for the account (sliding).</summary>
    public static readonly TimeSpan KnownAddressFor = TimeSpan.FromDays(30);

    /// <returns>How long until a sign-in of <paramref name="account"/> from <paramref name="address"/> is heard again;
    /// null when it may be tried now.</returns>
    public async Task<TimeSpan?> RetryAfterAsync(string account, string address, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var since = now - settings.FailedLoginWindow;
        TimeSpan? wait = null;
        foreach (var (key, limit) in await CountsAsync(account, address, settings, now, cancellationToken))
        {
            // The latest failures up to the limit: when the limit is reached, the oldest of them says when it leaves the window.
            var latest = await db.LoginThrottleEntries.Where(e => e.Key == key && e.At > since)
                .OrderByDescending(e => e.At).Select(e => e.At).Take(limit).ToListAsync(cancellationToken);
            if (latest.Count >= limit && latest[^1] + settings.FailedLoginWindow - now is var w && (wait is null || w > wait))
            {
                wait = w;
            }
        }

        return wait;
    }

    public async Task FailedAsync(string account, string address, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var keys = (await CountsAsync(account, address, settings, now, cancellationToken)).Select(c => c.Key).ToList();
        // Failures that have left the window count for nothing: the ones of these counts go as new ones come.
        var since = now - settings.FailedLoginWindow;
        await db.LoginThrottleEntries.Where(e => keys.Contains(e.Key) && e.At <= since).ExecuteDeleteAsync(cancellationToken);
        db.LoginThrottleEntries.AddRange(keys.Select(k => new LoginThrottleEntry { Key = k, At = now }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A right password clears the account's counts (not the address's, which spans other accounts) and makes the
    /// address known for the account.
    /// </summary>
    public async Task SucceededAsync(string account, string address, CancellationToken cancellationToken)
    {
        var cleared = new[] { AccountKey(account), AccountAtAddressKey(account, address), KnownAddressKey(account, address) };
        await db.LoginThrottleEntries.Where(e => cleared.Contains(e.Key)).ExecuteDeleteAsync(cancellationToken);
        db.LoginThrottleEntries.Add(new LoginThrottleEntry { Key = KnownAddressKey(account, address), At = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Accounts are emails, compared as Identity compares them.</summary>
    public static string Normalise(string? email) => (email ?? string.Empty).Trim().ToUpperInvariant();

    private async Task<List<(string Key, int Limit)>> CountsAsync(string account, string address, AccountOptions settings,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var known = KnownAddressKey(account, address);
        var knownSince = now - KnownAddressFor;
        var counts = new List<(string, int)> { (AccountAtAddressKey(account, address), settings.FailedLoginsPerAccountAndAddress) };
        if (!await db.LoginThrottleEntries.AnyAsync(e => e.Key == known && e.At > knownSince, cancellationToken))
        {
            counts.Add((AccountKey(account), settings.FailedLoginsPerAccount));
        }

        counts.Add((Key($"address|{address}"), settings.FailedLoginsPerAddress));
        return counts;
    }

    private static string KnownAddressKey(string account, string address) => Key($"known|{account}|{address}");

    private static string AccountKey(string account) => Key($"account|{account}");

    private static string AccountAtAddressKey(string account, string address) => Key($"account-address|{account}|{address}");

    // Hashed: a fixed length whatever a caller sends as an email, and no addresses or emails kept in the table.
    private static string Key(string count) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(count)));
}

/// <summary>
/// One failed sign-in counted under a key (an account, an address, or both), or the latest successful sign-in of an
/// account from an address (its "known" key). The key is a hash of what it counts.
/// </summary>
public sealed class LoginThrottleEntry
{
    public long Id { get; init; }
    public required string Key { get; init; }
    public DateTimeOffset At { get; init; }
}
