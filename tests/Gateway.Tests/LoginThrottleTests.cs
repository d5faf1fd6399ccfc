using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Gateway.Accounts;
using Platform.Gateway.Data;

namespace Platform.Gateway.Tests;

/// <summary>The throttle slows guessing by account and by address and never shuts an account to its owner.</summary>
public sealed class LoginThrottleTests : IDisposable
{
    private const string Account = "ADMIN@PLATFORM.LOCAL";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly TestTime _time = new();

    // The counts are rows of the gateway's database: here an in-memory SQLite one, open for the test's length.
    private readonly SqliteConnection _database = new("Data Source=:memory:");

    private GatewayDbContext? _db;

    public void Dispose()
    {
        _db?.Dispose();
        _database.Dispose();
    }

    private LoginThrottle NewThrottle()
    {
        _database.Open();
        _db = new GatewayDbContext(new DbContextOptionsBuilder<GatewayDbContext>().UseSqlite(_database).Options);
        _db.Database.EnsureCreated();
        return new LoginThrottle(_db, Options.Create(new AccountOptions
        {
            FailedLoginsPerAccountAndAddress = 3,
            FailedLoginsPerAccount = 6,
            FailedLoginsPerAddress = 50,
            FailedLoginWindow = TimeSpan.FromMinutes(15),
        }), _time);
    }

    [Fact]
    public async Task A_stranger_guessing_from_many_addresses_holds_back_new_addresses_but_never_the_owners_known_one()
    {
        var throttle = NewThrottle();
        await throttle.SucceededAsync(Account, "198.51.100.7", Cancel);   // the owner signed in from their office yesterday

        // Guesses from many addresses, each under its own limit, refilled as each window slides on: the account's count
        // from anywhere stays full for as long as the stranger keeps it up.
        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < 6; i++)
            {
                var address = $"203.0.113.{round * 10 + i}";
                if (await throttle.RetryAfterAsync(Account, address, Cancel) is null) await throttle.FailedAsync(Account, address, Cancel);
            }

            Assert.NotNull(await throttle.RetryAfterAsync(Account, "192.0.2.99", Cancel));   // an address never seen waits
            Assert.Null(await throttle.RetryAfterAsync(Account, "198.51.100.7", Cancel));    // the owner's does not
            _time.Advance(TimeSpan.FromMinutes(16));
        }
    }

    [Fact]
    public async Task The_owners_known_address_is_still_throttled_for_its_own_failures()
    {
        var throttle = NewThrottle();
        await throttle.SucceededAsync(Account, "198.51.100.7", Cancel);
        for (var i = 0; i < 3; i++) await throttle.FailedAsync(Account, "198.51.100.7", Cancel);

        var wait = await throttle.RetryAfterAsync(Account, "198.51.100.7", Cancel);
        Assert.NotNull(wait);
        Assert.True(wait <= TimeSpan.FromMinutes(15));
        _time.Advance(TimeSpan.FromMinutes(15));
        Assert.Null(await throttle.RetryAfterAsync(Account, "198.51.100.7", Cancel));
    }

    [Fact]
    public async Task Failures_at_one_account_and_address_are_held_back_after_the_limit_without_touching_other_accounts()
    {
        var throttle = NewThrottle();
        for (var i = 0; i < 3; i++) await throttle.FailedAsync(Account, "203.0.113.1", Cancel);

        Assert.NotNull(await throttle.RetryAfterAsync(Account, "203.0.113.1", Cancel));
        Assert.Null(await throttle.RetryAfterAsync("SOMEONE@ELSE.EXAMPLE", "203.0.113.1", Cancel));
    }
}
