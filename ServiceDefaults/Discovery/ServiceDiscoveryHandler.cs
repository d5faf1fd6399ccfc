namespace Platform.ServiceDefaults.Discovery;

/// <summary>
/// Sits in every HttpClient's pipeline and swaps a logical address for the configured one just before the
/// request leaves. It runs per attempt (inside resilience), so a retry sees a changed address.
/// </summary>
public sealed class ServiceDiscoveryHandler(ServiceEndpointResolver resolver) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            request.RequestUri = resolver.ResolveRequestUri(uri);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
