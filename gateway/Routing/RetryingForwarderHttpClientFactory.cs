using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Routing;

/// <summary>YARP's own client for each cluster, with <see cref="IdempotentRetryHandler"/> in front of it.</summary>
internal sealed class RetryingForwarderHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger, TimeProvider time)
    : ForwarderHttpClientFactory(logger)
{
    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
        new IdempotentRetryHandler(base.WrapHandler(context, handler), time);
}
