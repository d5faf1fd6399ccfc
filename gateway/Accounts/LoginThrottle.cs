using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

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
/// counted exactly as known ones, so the answer reveals nothing. Counts live in this gateway's memory: a restart or a
/// second gateway starts its own.
/// </summary>
public sealed class LoginThrottle(IOptions<AccountOptions> options, TimeProvider time) : IDisposable
{
    // A flood of distinct accounts or addresses evicts the oldest counts; it cannot grow memory without bound.
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>How long after a successful sign-in its address stays known for the account (sliding).</summary>
    public static readonly TimeSpan KnownAddressFor = TimeSpan.FromDays(30);

    /// <returns>How long until a sign-in of <paramref name="account"/> from <paramref name="address"/> is heard again;
    /// null when it may be tried now.</returns>
    public TimeSpan? RetryAfter(string account, string address)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        TimeSpan? wait = null;
        foreach (var (key, limit) in Counts(account, address, settings))
        {
            if (_failures.TryGetValue(key, out FailureLog? log) && log!.WaitBeforeNext(limit, settings.FailedLoginWindow, now) is { } w)
            {
                wait = wait is { } longest && longest > w ? longest : w;
            }
        }

        return wait;
    }

    public void Failed(string account, string address)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        foreach (var (key, limit) in Counts(account, address, settings))
        {
            var log = _failures.GetOrCreate(key, entry =>
            {
                entry.Size = 1;
                entry.SlidingExpiration = settings.FailedLoginWindow;
                return new FailureLog();
            })!;
            log.Add(now, limit, settings.FailedLoginWindow);
        }
    }

    /// <summary>
    /// A right password clears the account's counts (not the address's, which spans other accounts) and makes the
    /// address known for the account.
    /// </summary>
    public void Succeeded(string account, string address)
    {
        _failures.Remove(AccountKey(account));
        _failures.Remove(AccountAtAddressKey(account, address));
        _failures.Set(KnownAddressKey(account, address), true, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = KnownAddressFor });
    }

    public void Dispose() => _failures.Dispose();

    /// <summary>Accounts are emails, compared as Identity compares them.</summary>
    public static string Normalise(string? email) => (email ?? string.Empty).Trim().ToUpperInvariant();

    private IEnumerable<(string Key, int Limit)> Counts(string account, string address, AccountOptions settings)
    {
        yield return (AccountAtAddressKey(account, address), settings.FailedLoginsPerAccountAndAddress);
        if (!_failures.TryGetValue(KnownAddressKey(account, address), out _))
        {
            yield return (AccountKey(account), settings.FailedLoginsPerAccount);
        }

        yield return ($"address|{address}", settings.FailedLoginsPerAddress);
    }

    private static string KnownAddressKey(string account, string address) => $"known|{account}|{address}";

    private static string AccountKey(string account) => $"account|{account}";

    private static string AccountAtAddressKey(string account, string address) => $"account-address|{account}|{address}";

    /// <summary>The times of the latest failures, at most as many as the limit.</summary>
    private sealed class FailureLog
    {
        private readonly Queue<DateTimeOffset> _times = new();

        public void Add(DateTimeOffset now, int limit, TimeSpan window)
        {
            lock (_times)
            {
                Prune(now, window);
                _times.Enqueue(now);
                while (_times.Count > limit) _times.Dequeue();
            }
        }

        public TimeSpan? WaitBeforeNext(int limit, TimeSpan window, DateTimeOffset now)
        {
            lock (_times)
            {
                Prune(now, window);
                return _times.Count >= limit ? _times.Peek() + window - now : null;
            }
        }

        private void Prune(DateTimeOffset now, TimeSpan window)
        {
            while (_times.Count > 0 && _times.Peek() + window <= now) _times.Dequeue();
        }
    }
}
