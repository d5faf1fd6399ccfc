using System.Net.Http.Headers;
using Platform.ServiceDefaults.Identity;
using Yarp.ReverseProxy.Transforms;

namespace Platform.Gateway.EdgeIdentity;

/// <summary>
/// Services trust the internal token absolutely, so nothing a caller sends may look like one: any inbound
/// Authorization header, API key, session cookie and X-Internal-* header is dropped before proxying, and only a token
/// the gateway minted itself, for the one service the request goes to, goes on (the anonymous caller's for the public).
/// </summary>
internal static class EdgeIdentityTransform
{
    public const string InternalHeaderPrefix = "X-Internal-";

    public static ValueTask ApplyAsync(RequestTransformContext context)
    {
        StripCallerIdentity(context.ProxyRequest);

        // The site is no service: it never gets an internal token, and calls the API as its visitors' agent.
        if (!Site.SiteRoute.IsSite(context.HttpContext))
        {
            // Every request a service accepts carries a token: the public's is the anonymous caller's, which admits it
            // to public endpoints only, so a service can refuse whatever did not come through here.
            var identity = context.HttpContext.GetEdgeCaller()?.Identity ?? InternalIdentity.Anonymous;
            var tokens = context.HttpContext.RequestServices.GetRequiredService<InternalTokenCache>();
            // The cluster id is the service's name, which each service accepts as its only audience.
            var audience = context.HttpContext.GetReverseProxyFeature().Cluster.Config.ClusterId;
            context.ProxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.TokenFor(identity, audience));
        }

        return ValueTask.CompletedTask;
    }

    internal static void StripCallerIdentity(HttpRequestMessage proxyRequest)
    {
        proxyRequest.Headers.Authorization = null;
        proxyRequest.Headers.Remove(EdgeCredentials.ApiKeyHeader);
        // RFC 7239 Forwarded is not one YARP rewrites by default; X-Forwarded-* it replaces with its own values.
        proxyRequest.Headers.Remove("Forwarded");
        RemoveSessionCookie(proxyRequest.Headers);
        RemoveInternal(proxyRequest.Headers);
        if (proxyRequest.Content is not null)
        {
            RemoveInternal(proxyRequest.Content.Headers);
        }
    }

    private static void RemoveSessionCookie(HttpRequestHeaders headers)
    {
        if (!headers.TryGetValues("Cookie", out var values))
        {
            return;
        }

        var kept = values
            .SelectMany(value => value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(pair => !pair.StartsWith(EdgeCredentials.SessionCookie + "=", StringComparison.Ordinal))
            .ToList();
        headers.Remove("Cookie");
        if (kept.Count > 0)
        {
            headers.TryAddWithoutValidation("Cookie", string.Join("; ", kept));
        }
    }

    private static void RemoveInternal(HttpHeaders headers)
    {
        // Every proxied request passes here and almost none carries such a header: look without allocating first.
        List<string>? internalNames = null;
        foreach (var header in headers.NonValidated)
        {
            if (header.Key.StartsWith(InternalHeaderPrefix, StringComparison.OrdinalIgnoreCase))
            {
                (internalNames ??= []).Add(header.Key);
            }
        }

        foreach (var name in internalNames ?? [])
        {
            headers.Remove(name);
        }
    }
}
