using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Platform.Gateway.Data;

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
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = settings.MaxFailedLogins;
            identity.Lockout.DefaultLockoutTimeSpan = settings.LockoutDuration;
        });

        services.AddScoped<SessionTokens>();
        services.AddSingleton<SessionAuthenticator>();
        services.AddScoped<AccountHousekeeping>();
        services.AddHostedService<AccountHousekeepingService>();
        return services;
    }
}
