using System.Net;
using System.Net.Http.Headers;

namespace Platform.Web.Manage;

/// <summary>
/// Calls made for a /manage page go to the gateway as the signed-in user: the session token as a bearer token, so the
/// gateway applies exactly the permissions the API has and a page can never do more than its user. Public pages never
/// send it. A 401 to a call that carried the token means the session is over (signed out elsewhere, expired, disabled):
/// the page cannot go on, and <see cref="ManageSignIn"/> sends the user to sign in again.
/// </summary>
internal sealed class SessionBearer(IHttpContextAccessor accessor) : DelegatingHandler
{
    /// <summary>Signing in is the one call a /manage page makes without the session (it has none yet, or an old one).</summary>
    public const string SignInPath = "gateway/accounts/login";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = accessor.HttpContext;
        var token = context is not null && ManageArea.Contains(context.Request.Path) && !IsSignIn(request)
            ? ManageSession.TokenOf(context)
            : null;
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await base.SendAsync(request, cancellationToken);
        if (token is not null && response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            throw new SignInRequiredException();
        }

        return response;
    }

    private static bool IsSignIn(HttpRequestMessage request) =>
        request.RequestUri?.OriginalString.TrimStart('/').StartsWith(SignInPath, StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>The gateway no longer knows the user's session: sign in again (<see cref="ManageSignIn"/>).</summary>
public sealed class SignInRequiredException() : Exception("The session has ended; the user must sign in again.");
