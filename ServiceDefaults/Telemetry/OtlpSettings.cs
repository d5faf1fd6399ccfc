using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// The standard OTEL_* variables an (Aspire-shaped) AppHost injects, read from configuration so that
/// tests and appsettings can supply them the same way as the environment does.
/// </summary>
internal sealed record OtlpSettings(Uri Endpoint, OtlpExportProtocol Protocol, string ServiceName, IReadOnlyDictionary<string, object> ResourceAttributes)
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolKey = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";
    public const string ResourceAttributesKey = "OTEL_RESOURCE_ATTRIBUTES";

    /// <returns>null when no endpoint is configured: then nothing is exported and no SDK is built.</returns>
    public static OtlpSettings? From(IConfiguration configuration, string applicationName)
    {
        var endpoint = configuration[EndpointKey];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var endpointUri))
        {
            throw new InvalidOperationException($"{EndpointKey} '{endpoint}' is not an absolute URI.");
        }

        var serviceName = configuration[ServiceNameKey];
        return new OtlpSettings(
            endpointUri,
            ParseProtocol(configuration[ProtocolKey]),
            string.IsNullOrWhiteSpace(serviceName) ? applicationName : serviceName,
            ParseAttributes(configuration[ResourceAttributesKey]));
    }

    // The OTLP spec's default is http/protobuf, but Aspire's dashboard listens for gRPC and that is what
    // our AppHost mimics, so grpc is assumed when the variable is absent.
    private static OtlpExportProtocol ParseProtocol(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => throw new InvalidOperationException($"{ProtocolKey} '{value}' is not supported; use 'grpc' or 'http/protobuf'."),
    };

    // Format per the spec: key1=value1,key2=value2 with values percent-encoded.
    private static Dictionary<string, object> ParseAttributes(string? value)
    {
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(value))
        {
            return attributes;
        }

        foreach (var pair in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = pair.IndexOf('=');
            if (separator <= 0)
            {
                continue;
            }

            attributes[pair[..separator].Trim()] = Uri.UnescapeDataString(pair[(separator + 1)..].Trim());
        }

        return attributes;
    }
}
