using Platform.Gateway.Accounts;
using Platform.Gateway.ApiKeys;

namespace Platform.Gateway.EdgeIdentity;

/// <summary>
/// Reads whichever credential the caller sent: an API key (X-Api-Key), a session token (Authorization: Bearer) or
/// the session cookie a browser got at login. More than one kind at once is refused rather than guessed at.
/// </summary>
internal sealed class CallerEdgeIdentity(ApiKeyAuthenticator apiKeys, SessionAuthenticator sessions) : IEdgeIdentity
{
    private const string BearerPrefix = "Bearer ";

    public async ValueTask<EdgeAuthentication> AuthenticateAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        var apiKey = headers[EdgeCredentials.ApiKeyHeader];
        var authorization = headers.Authorization;

        if (apiKey.Count > 0 && authorization.Count > 0)
        {
            return EdgeAuthentication.Failed("Send either an API key or a bearer token, not both.");
        }

        if (apiKey.Count > 0)
        {
            return apiKey.Count == 1 && !string.IsNullOrWhiteSpace(apiKey[0])
                ? await apiKeys.AuthenticateAsync(apiKey[0]!.Trim(), context.RequestAborted)
                : EdgeAuthentication.Failed("The X-Api-Key header must carry exactly one key.");
        }

        if (authorization.Count > 0)
        {
            var value = authorization.Count == 1 ? authorization[0] : null;
            if (value is null || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return EdgeAuthentication.Failed("The Authorization header must be one 'Bearer' token.");
            }

            return await sessions.AuthenticateAsync(value[BearerPrefix.Length..].Trim(), context.RequestAborted);
        }

        if (context.Request.Cookies.TryGetValue(EdgeCredentials.SessionCookie, out var cookie) && !string.IsNullOrEmpty(cookie))
        {
            return await sessions.AuthenticateAsync(cookie, context.RequestAborted);
        }

        return EdgeAuthentication.Anonymous;
    }
}
