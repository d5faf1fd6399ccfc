using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Platform.Gateway.Data;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Gateway.Accounts;

internal static class AccountsExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>()
            .BindConfiguration(AccountOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddIdentityCore<GatewayUser>()
            .AddEntityFrameworkStores<GatewayDbContext>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((identity, accounts) =>
        {
            var settings = accounts.Value;
            identity.User.RequireUniqueEmail = true;
            identity.Password.RequiredLength = settings.MinimumPasswordLength;
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Password.RequiredUniqueChars = 5;
            // No lockout: failed sign-ins are throttled (LoginThrottle), which never locks an account or ends a session.
            identity.Lockout.AllowedForNewUsers = false;
        });

        services.AddScoped<SessionTokens>();
        services.AddSingleton<SessionAuthenticator>();
        services.AddScoped<LoginThrottle>();
        services.AddSingleton<DummyPasswordHash>();
        services.AddPeriodicJob<AccountHousekeeping>(AccountHousekeeping.Interval);
        return services;
    }
}
