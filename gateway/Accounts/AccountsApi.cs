using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Platform.Gateway.EdgeIdentity;
using Platform.Gateway.Site;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Problems;

namespace Platform.Gateway.Accounts;

internal static class AccountsApi
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
        LoginRequest request, UserManager<GatewayUser> users, SessionTokens sessions, LoginThrottle throttle,
        DummyPasswordHash dummy, HttpContext context, CancellationToken cancellationToken)
    {
        // One answer for unknown user and wrong password, and the same work for both, so the endpoint reveals nothing.
        const string Refused = "The email or password is wrong.";
        var account = LoginThrottle.Normalise(request.Email);
        var address = VisitorAddress.Of(context);
        if (await throttle.RetryAfterAsync(account, address, cancellationToken) is { } wait)
        {
            return TooManyFailures(context, wait);
        }

        var password = request.Password ?? string.Empty;
        var user = string.IsNullOrWhiteSpace(request.Email) ? null : await users.FindByEmailAsync(request.Email.Trim());
        if (user is null)
        {
            dummy.Verify(users.PasswordHasher, password);
            await throttle.FailedAsync(account, address, cancellationToken);
            return NotSignedIn(Refused);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await throttle.FailedAsync(account, address, cancellationToken);
            return NotSignedIn(Refused);
        }

        await throttle.SucceededAsync(account, address, cancellationToken);
        if (user.DisabledAt is not null)
        {
            return NotSignedIn("This account is disabled; ask the office's staff to enable it.");
        }

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
        if (ApiKeys.KeyCallers.IsKey(context.User))
        {
            return NotSignedIn(NeedsUser);
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
            ? NotSignedIn(NeedsUser)
            : TypedResults.Ok(AccountResponse.Of(user));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, HttpContext context, UserManager<GatewayUser> users, SessionTokens sessions,
        LoginThrottle throttle, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync(context, users);
        if (user is null)
        {
            return NotSignedIn(NeedsUser);
        }

        // A stolen session must not become a way to guess the password: wrong current passwords count as failed sign-ins.
        var account = LoginThrottle.Normalise(user.Email);
        var address = VisitorAddress.Of(context);
        if (await throttle.RetryAfterAsync(account, address, cancellationToken) is { } wait)
        {
            return TooManyFailures(context, wait);
        }

        var result = await users.ChangePasswordAsync(user, request.CurrentPassword ?? string.Empty, request.NewPassword ?? string.Empty);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await throttle.FailedAsync(account, address, cancellationToken);
            }

            return IdentityErrors.Of(result).ToProblem();
        }

        // Every other device signed in with the old password is signed out.
        await sessions.EndAllAsync(user.Id, cancellationToken);
        return TypedResults.NoContent();
    }

    private const string NeedsUser = "This operation needs a signed-in user, not an API key.";

    private static ProblemHttpResult NotSignedIn(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    private static ProblemHttpResult TooManyFailures(HttpContext context, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem($"Too many failed sign-ins; try again in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
    }

    private static async Task<GatewayUser?> CurrentUserAsync(HttpContext context, UserManager<GatewayUser> users)
    {
        var subject = context.User.GetSubject();
        return ApiKeys.KeyCallers.IsKey(subject) || !Guid.TryParse(subject, out var id)
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
