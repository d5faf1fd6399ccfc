namespace Platform.Web.Manage;

/// <summary>The back office's place in the site: every page under /manage, and where signing in starts.</summary>
public static class ManageArea
{
    public const string Root = "/manage";
    public const string SignInPage = "/manage/sign-in";

    public static bool Contains(PathString path) => path.StartsWithSegments(Root, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Where to go after signing in: a page of this site's back office, or the dashboard. Never another site (an
    /// attacker's link "sign in here, then go to evil.example" is an open redirect), so only a local path under /manage
    /// is kept: not "//host" or "/\host" (browsers read both as another host), nothing with a scheme or control characters.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2_000) return Root;
        if (returnUrl[0] != '/' || returnUrl.Length > 1 && returnUrl[1] is '/' or '\\') return Root;
        if (returnUrl.Any(c => char.IsControl(c) || c == '\\')) return Root;
        var path = returnUrl.Split('?', '#')[0];
        return Contains(new PathString(path)) && !path.Contains("..", StringComparison.Ordinal) ? returnUrl : Root;
    }

    /// <summary>The sign-in page, coming back to <paramref name="returnUrl"/> afterwards.</summary>
    public static string SignInUrl(string? returnUrl) =>
        $"{SignInPage}?returnUrl={Uri.EscapeDataString(SafeReturnUrl(returnUrl))}";
}
