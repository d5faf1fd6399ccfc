using System.Net.Http.Headers;
using Platform.ServiceDefaults.Identity;
using Yarp.ReverseProxy.Transforms;

namespace Platform.Gateway.EdgeIdentity;

/// <summary>
/// Services trust the internal token absolutely, so nothing a caller sends may look like one: any inbound
/// Authorization header and any X-Internal-* header is dropped before proxying, and only a token the gateway
/// minted itself (from <see cref="IEdgeIdentity"/>) goes on.
/// </summary>
internal static class EdgeIdentityTransform
{
    public const string InternalHeaderPrefix = "X-Internal-";

    public static async ValueTask ApplyAsync(RequestTransformContext context)
    {
        StripCallerIdentity(context.ProxyRequest);

        var services = context.HttpContext.RequestServices;
        var identity = await services.GetRequiredService<IEdgeIdentity>().AuthenticateAsync(context.HttpContext);
        if (identity is not null)
        {
            var token = services.GetRequiredService<InternalTokenIssuer>().Issue(identity);
            context.ProxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    internal static void StripCallerIdentity(HttpRequestMessage proxyRequest)
    {
        proxyRequest.Headers.Authorization = null;
        RemoveInternal(proxyRequest.Headers);
        if (proxyRequest.Content is not null)
        {
            RemoveInternal(proxyRequest.Content.Headers);
        }
    }

    private static void RemoveInternal(HttpHeaders headers)
    {
        var internalNames = headers
            .Select(header => header.Key)
            .Where(name => name.StartsWith(InternalHeaderPrefix, StringComparison.OrdinalIgnoreCase))
            .ToList();
        foreach (var name in internalNames)
        {
            headers.Remove(name);
        }
    }
}
