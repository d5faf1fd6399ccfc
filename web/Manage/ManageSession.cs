namespace Platform.Web.Manage;

/// <summary>
/// The signed-in user's gateway session, kept in the site's own cookie. The gateway removes its own credentials before
/// it proxies a request to the site, so the site keeps the token itself and sends it as a bearer token on the calls a
/// /manage page makes (<see cref="SessionBearer"/>). HttpOnly (no script reads it), Secure and __Host- (only this site,
/// only over HTTPS, path /), SameSite=Strict (no other site's link or form carries it).
/// </summary>
public static class ManageSession
{
    public const string CookieName = "__Host-manage-session";

    public static string? TokenOf(HttpContext context) =>
        context.Request.Cookies.TryGetValue(CookieName, out var token) && !string.IsNullOrWhiteSpace(token) ? token : null;

    public static void Keep(HttpContext context, string token, DateTimeOffset expiresAt) =>
        context.Response.Cookies.Append(CookieName, token, Options(expiresAt));

    public static void Forget(HttpContext context) =>
        context.Response.Cookies.Delete(CookieName, Options(null));

    private static CookieOptions Options(DateTimeOffset? expiresAt) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Expires = expiresAt,
        IsEssential = true,
    };
}
