using Microsoft.Extensions.Options;
using Platform.Gateway.Accounts;

namespace Platform.Gateway.Tests;

/// <summary>The throttle slows guessing by account and by address and never shuts an account to its owner.</summary>
public sealed class LoginThrottleTests
{
    private const string Account = "ADMIN@PLATFORM.LOCAL";

    private readonly TestTime _time = new();

    private LoginThrottle NewThrottle() => new(Options.Create(new AccountOptions
    {
        FailedLoginsPerAccountAndAddress = 3,
        FailedLoginsPerAccount = 6,
        FailedLoginsPerAddress = 50,
        FailedLoginWindow = TimeSpan.FromMinutes(15),
    }), _time);

    [Fact]
    public void A_stranger_guessing_from_many_addresses_holds_back_new_addresses_but_never_the_owners_known_one()
    {
        using var throttle = NewThrottle();
        throttle.Succeeded(Account, "198.51.100.7");   // the owner signed in from their office yesterday

        // Guesses from many addresses, each under its own limit, refilled as each window slides on: the account's count
        // from anywhere stays full for as long as the stranger keeps it up.
        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < 6; i++)
            {
                var address = $"203.0.113.{round * 10 + i}";
                if (throttle.RetryAfter(Account, address) is null) throttle.Failed(Account, address);
            }

            Assert.NotNull(throttle.RetryAfter(Account, "192.0.2.99"));   // an address never seen waits
            Assert.Null(throttle.RetryAfter(Account, "198.51.100.7"));    // the owner's does not
            _time.Advance(TimeSpan.FromMinutes(16));
        }
    }

    [Fact]
    public void The_owners_known_address_is_still_throttled_for_its_own_failures()
    {
        using var throttle = NewThrottle();
        throttle.Succeeded(Account, "198.51.100.7");
        for (var i = 0; i < 3; i++) throttle.Failed(Account, "198.51.100.7");

        var wait = throttle.RetryAfter(Account, "198.51.100.7");
        Assert.NotNull(wait);
        Assert.True(wait <= TimeSpan.FromMinutes(15));
        _time.Advance(TimeSpan.FromMinutes(15));
        Assert.Null(throttle.RetryAfter(Account, "198.51.100.7"));
    }

    [Fact]
    public void Failures_at_one_account_and_address_are_held_back_after_the_limit_without_touching_other_accounts()
    {
        using var throttle = NewThrottle();
        for (var i = 0; i < 3; i++) throttle.Failed(Account, "203.0.113.1");

        Assert.NotNull(throttle.RetryAfter(Account, "203.0.113.1"));
        Assert.Null(throttle.RetryAfter("SOMEONE@ELSE.EXAMPLE", "203.0.113.1"));
    }
}
