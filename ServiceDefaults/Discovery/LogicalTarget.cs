using System.Net;

namespace Platform.ServiceDefaults.Discovery;

/// <summary>
/// The logical parts of a request host: "events" → (events, any endpoint matching the scheme);
/// "_grpc.events" → (events, endpoint named "grpc"), as Aspire spells named endpoints.
/// </summary>
internal sealed record LogicalTarget(string ServiceName, string? EndpointName)
{
    public static LogicalTarget? TryParse(Uri uri)
    {
        var host = uri.IdnHost;
        if (host.StartsWith('_'))
        {
            var dot = host.IndexOf('.');
            if (dot > 1 && dot < host.Length - 1 && !host[(dot + 1)..].Contains('.'))
            {
                return new LogicalTarget(host[(dot + 1)..], host[1..dot]);
            }

            return null;
        }

        // Real DNS names and addresses are passed through: only single-label names are logical.
        if (host.Contains('.') || host.Contains(':') || IPAddress.TryParse(host, out _) ||
            host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new LogicalTarget(host, null);
    }
}
