using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// Keeps the secrets of emailed links (manage, volunteer, check-in, subscription tokens) out of traces: whoever reads
/// the dashboard or a trace store must not be able to act as a delegate, volunteer or subscriber. A server span knows
/// its route, so every route value named like a token is replaced; a client span (the site calling the gateway, the
/// gateway calling a service) only has its URL, so any path segment shaped like one of our tokens is (at least 32
/// characters of base64url with upper and lower case, and not a GUID, which ids are).
/// </summary>
public static class TokenRedaction
{
    public const string Redacted = "{token}";

    private const int MinimumTokenLength = 32;

    /// <summary>The path with every token-shaped segment replaced by <see cref="Redacted"/>.</summary>
    public static string RedactPath(string path)
    {
        if (path.Length < MinimumTokenLength) return path;
        var segments = path.Split('/');
        var changed = false;
        for (var i = 0; i < segments.Length; i++)
        {
            if (LooksLikeToken(segments[i]))
            {
                segments[i] = Redacted;
                changed = true;
            }
        }

        return changed ? string.Join('/', segments) : path;
    }

    /// <summary>An absolute URL with its path redacted; the query is dropped if it holds a token-shaped value.</summary>
    public static string RedactUrl(Uri url)
    {
        var path = RedactPath(url.AbsolutePath);
        var query = url.Query.Split('&', '=', '?').Any(LooksLikeToken) ? "?" + Redacted : url.Query;
        return $"{url.Scheme}://{url.Authority}{path}{query}";
    }

    /// <summary>For a server span at its end, once routing has run: the route's token values and token-shaped segments.</summary>
    internal static void RedactServerSpan(Activity activity, HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (context.GetEndpoint() is RouteEndpoint endpoint)
        {
            foreach (var parameter in endpoint.RoutePattern.Parameters)
            {
                if (parameter.Name.Contains("token", StringComparison.OrdinalIgnoreCase)
                    && context.Request.RouteValues.TryGetValue(parameter.Name, out var value) && value is string { Length: > 0 } secret)
                {
                    path = path.Replace(Uri.EscapeDataString(secret), Redacted, StringComparison.Ordinal).Replace(secret, Redacted, StringComparison.Ordinal);
                }
            }
        }

        activity.SetTag("url.path", RedactPath(path));
        if (context.Request.QueryString.HasValue && context.Request.QueryString.Value!.Split('&', '=', '?').Any(LooksLikeToken))
            activity.SetTag("url.query", Redacted);
    }

    internal static void RedactClientSpan(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } url) activity.SetTag("url.full", RedactUrl(url));
    }

    private static bool LooksLikeToken(string segment)
    {
        if (segment.Length < MinimumTokenLength || Guid.TryParse(segment, out _)) return false;
        bool upper = false, lower = false;
        foreach (var c in segment)
        {
            if (c is >= 'A' and <= 'Z') upper = true;
            else if (c is >= 'a' and <= 'z') lower = true;
            else if (c is not (>= '0' and <= '9' or '-' or '_' or '%')) return false;
        }

        return upper && lower;
    }
}
