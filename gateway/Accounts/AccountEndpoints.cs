using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Platform.Gateway.EdgeIdentity;
using Platform.Gateway.Problems;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Accounts;

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/gateway/accounts").WithTags("Accounts");

        group.MapPost("/login", LoginAsync).AllowAnonymous()
            .WithName("SignIn").WithSummary("Sign in with email and password: a bearer token and a session cookie");
        group.MapPost("/logout", LogoutAsync).RequireAuthorization()
            .WithName("SignOut").WithSummary("End the current session at once");
        group.MapGet("/me", Me).RequireAuthorization()
            .WithName("GetCurrentUser").WithSummary("The signed-in user");
        group.MapPost("/password", ChangePasswordAsync).RequireAuthorization()
            .WithName("ChangePassword").WithSummary("Change your password; every session of yours ends");

        return app;
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, UserManager<GatewayUser> users, SessionTokens sessions, HttpContext context, CancellationToken cancellationToken)
    {
        // One answer for unknown user, wrong password and locked account, so the endpoint reveals nothing.
        const string Refused = "The email or password is wrong, or the account is locked.";
        var user = string.IsNullOrWhiteSpace(request.Email) ? null : await users.FindByEmailAsync(request.Email.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return ProblemResults.Unauthorized(Refused);
        }

        if (!await users.CheckPasswordAsync(user, request.Password ?? string.Empty))
        {
            await users.AccessFailedAsync(user);
            return ProblemResults.Unauthorized(Refused);
        }

        await users.ResetAccessFailedCountAsync(user);
        var (token, expiresAt) = await sessions.OpenAsync(user.Id, cancellationToken);
        context.Response.Cookies.Append(EdgeCredentials.SessionCookie, token, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            Expires = expiresAt,
        });
        return TypedResults.Ok(new LoginResponse(token, "Bearer", expiresAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LogoutAsync(HttpContext context, SessionTokens sessions, CancellationToken cancellationToken)
    {
        // A key is no session: a 204 would tell a partner it had ended something, while the key stays as valid as before.
        if (context.User.GetRole() is PlatformClaims.Roles.Partner)
        {
            return ProblemResults.Unauthorized("This operation needs a signed-in user, not an API key.");
        }

        var token = SessionTokenOf(context);
        if (token is not null)
        {
            await sessions.EndAsync(token, cancellationToken);
        }

        context.Response.Cookies.Delete(EdgeCredentials.SessionCookie, new CookieOptions { Secure = true, Path = "/" });
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> Me(
        HttpContext context, UserManager<GatewayUser> users)
    {
        var user = await CurrentUserAsync(context, users);
        return user is null
            ? ProblemResults.Unauthorized("This operation needs a signed-in user, not an API key.")
            : TypedResults.Ok(new AccountResponse(user.Id, user.Email!, user.Role, user.OrganisationId));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, HttpContext context, UserManager<GatewayUser> users, SessionTokens sessions,
        CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync(context, users);
        if (user is null)
        {
            return ProblemResults.Unauthorized("This operation needs a signed-in user, not an API key.");
        }

        var result = await users.ChangePasswordAsync(user, request.CurrentPassword ?? string.Empty, request.NewPassword ?? string.Empty);
        if (!result.Succeeded)
        {
            return ProblemResults.Unprocessable(IdentityErrors.ToDictionary(result));
        }

        // Every other device signed in with the old password is signed out.
        await sessions.EndAllAsync(user.Id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<GatewayUser?> CurrentUserAsync(HttpContext context, UserManager<GatewayUser> users)
    {
        var subject = context.User.GetSubject();
        var role = context.User.GetRole();
        return role is PlatformClaims.Roles.Partner || !Guid.TryParse(subject, out var id)
            ? null
            : await users.Users.SingleOrDefaultAsync(u => u.Id == id, context.RequestAborted);
    }

    private static string? SessionTokenOf(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        return context.Request.Cookies.TryGetValue(EdgeCredentials.SessionCookie, out var cookie) ? cookie : null;
    }
}
