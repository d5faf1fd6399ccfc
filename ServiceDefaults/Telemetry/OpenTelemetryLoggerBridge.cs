using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// Hands the host's ILogger output to the SDK built by <see cref="OpenTelemetrySdk.Create"/>. The DI-based
/// <c>ILoggingBuilder.AddOpenTelemetry</c> would build a second, separate logger provider with its own exporter
/// settings; routing through the one SDK keeps a single exporter configuration and a single flush at shutdown.
/// </summary>
[ProviderAlias("OpenTelemetry")]
internal sealed class OpenTelemetryLoggerBridge(OpenTelemetrySdk sdk) : ILoggerProvider
{
    private readonly ILoggerFactory _sdkLoggers = sdk.GetLoggerFactory();

    public ILogger CreateLogger(string categoryName) => _sdkLoggers.CreateLogger(categoryName);

    // The SDK (and its logger factory) is owned by the container, which disposes it after this provider.
    public void Dispose()
    {
    }
}
