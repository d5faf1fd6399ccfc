namespace Platform.Gateway.Routing;

/// <summary>
/// Retries a forwarded request once when it failed before any response came back (connection refused or reset),
/// and only when repeating it cannot do anything twice: a safe method (GET, HEAD, OPTIONS) with no body. Writes are
/// never retried, since the service may have acted on the first attempt.
/// </summary>
internal sealed class IdempotentRetryHandler(HttpMessageHandler inner, TimeProvider time) : DelegatingHandler(inner)
{
    private static readonly TimeSpan Backoff = TimeSpan.FromMilliseconds(100);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!IsRepeatable(request))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException) when (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(Backoff, time, cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }

    private static bool IsRepeatable(HttpRequestMessage request) =>
        request.Content is null
        && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options);
}
