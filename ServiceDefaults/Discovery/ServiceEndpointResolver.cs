using Microsoft.Extensions.Configuration;

namespace Platform.ServiceDefaults.Discovery;

/// <summary>
/// Resolves logical service names to addresses from configuration, the way Aspire's configuration-based
/// provider does: <c>services:{service}:{endpoint}:0</c>, filled by the AppHost from
/// <c>services__{service}__{endpoint}__0</c>. Configuration is read per call (not snapshotted into options)
/// because the contract is the configuration key itself and a reload must take effect.
/// </summary>
public sealed class ServiceEndpointResolver(IConfiguration configuration)
{
    public const string SectionName = "services";

    /// <summary>
    /// The endpoint for <paramref name="serviceName"/>. <paramref name="scheme"/> is "http", "https", or
    /// "https+http" (https preferred, http accepted). Null when nothing is configured.
    /// </summary>
    public Uri? Resolve(string serviceName, string scheme = "http")
    {
        foreach (var endpointName in scheme.Split('+', StringSplitOptions.RemoveEmptyEntries))
        {
            var address = Lookup(serviceName, endpointName);
            if (address is not null)
            {
                return address;
            }
        }

        return null;
    }

    /// <summary>
    /// Rewrites a request URI such as <c>http://events/api/x</c>, <c>https+http://events/api/x</c> or
    /// <c>http://_http.events/api/x</c> to the configured address, keeping path and query.
    /// URIs whose host is not a logical service name (dotted names, IPs, localhost) come back unchanged.
    /// </summary>
    /// <exception cref="InvalidOperationException">The name looks logical but no endpoint is configured.</exception>
    public Uri ResolveRequestUri(Uri requestUri)
    {
        var target = LogicalTarget.TryParse(requestUri);
        if (target is null)
        {
            return requestUri;
        }

        var endpoint = target.EndpointName is { } named
            ? Lookup(target.ServiceName, named)
            : Resolve(target.ServiceName, requestUri.Scheme);

        if (endpoint is null)
        {
            var keys = target.EndpointName is { } name
                ? [ConfigKey(target.ServiceName, name)]
                : requestUri.Scheme.Split('+').Select(s => ConfigKey(target.ServiceName, s)).ToArray();
            throw new InvalidOperationException(
                $"No endpoint is configured for service '{target.ServiceName}' (request {requestUri}). " +
                $"Expected configuration key {string.Join(" or ", keys)} " +
                $"(environment variable {string.Join(" or ", keys.Select(k => k.Replace(":", "__", StringComparison.Ordinal)))}); " +
                "the AppHost sets it for every referenced project.");
        }

        var builder = new UriBuilder(requestUri)
        {
            Scheme = endpoint.Scheme,
            Host = endpoint.Host,
            Port = endpoint.Port,
        };
        return builder.Uri;
    }

    public static string ConfigKey(string serviceName, string endpointName) =>
        $"{SectionName}:{serviceName}:{endpointName}:0";

    private Uri? Lookup(string serviceName, string endpointName)
    {
        var value = configuration[ConfigKey(serviceName, endpointName)];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException(
                $"Configuration key {ConfigKey(serviceName, endpointName)} holds '{value}', which is not an absolute URI.");
    }
}
