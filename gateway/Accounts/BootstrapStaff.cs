using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Accounts;

internal static partial class BootstrapStaff
{
    /// <summary>
    /// Creates the first staff account from configuration when there is no staff account at all, so a new platform
    /// can be administered; once any staff account exists this does nothing (and never resets a password).
    /// </summary>
    public static async Task EnsureBootstrapStaffAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<IOptions<AccountOptions>>().Value.BootstrapStaff;
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BootstrapStaff).FullName!);
        if (string.IsNullOrEmpty(settings.Password))
        {
            return;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<GatewayUser>>();
        if (await AnyStaffAsync(users, app.Lifetime.ApplicationStopping))
        {
            return;
        }

        var user = new GatewayUser
        {
            Id = Guid.CreateVersion7(),
            UserName = settings.Email,
            Email = settings.Email,
            EmailConfirmed = true,
            Role = PlatformClaims.Roles.Staff,
            CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(user, settings.Password);
        }
        catch (DbUpdateException)
        {
            // Another copy's insert won the unique user name between this one's check and its insert.
            if (await AnyStaffAsync(users, app.Lifetime.ApplicationStopping)) return;
            throw;
        }

        // Copies of the gateway start together and each finds no staff account: the one that loses the race is refused
        // (its user name is taken) and goes on, rather than ending its process to be started again.
        if (!result.Succeeded && await AnyStaffAsync(users, app.Lifetime.ApplicationStopping))
        {
            return;
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"The first staff account could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        // The password itself is never logged: it is the AppHost's generated parameter.
        LogCreated(logger, settings.Email);
    }

    private static Task<bool> AnyStaffAsync(UserManager<GatewayUser> users, CancellationToken cancellationToken) =>
        users.Users.AnyAsync(u => u.Role == PlatformClaims.Roles.Staff, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Created the first staff account {Email}; its password is the AppHost parameter 'gateway-staff-password' (in .platform/secrets.json). Change it after signing in.")]
    private static partial void LogCreated(ILogger logger, string email);
}
