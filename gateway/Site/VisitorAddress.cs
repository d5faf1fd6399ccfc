using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Platform.Gateway.Site;

/// <summary>
/// Whose address a request counts against. The socket's, as the edge sees it; except for the gateway's own web site,
/// which calls the API for its visitors and names each in X-Forwarded-For beside its edge key. Anyone else's
/// X-Forwarded-For is ignored: a caller cannot pick whose limit it spends.
/// </summary>
internal static class VisitorAddress
{
    public const string EdgeKeyHeader = "X-Site-Key";

    public static string Of(HttpContext context)
    {
        var socket = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var key = context.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value.EdgeKey;
        if (string.IsNullOrEmpty(key) || !context.Request.Headers.TryGetValue(EdgeKeyHeader, out var given) || !Matches(given.ToString(), key))
            return socket;

        // The site sends exactly one address, its visitor's.
        return IPAddress.TryParse(context.Request.Headers["X-Forwarded-For"].ToString().Trim(), out var visitor)
            ? visitor.ToString()
            : socket;
    }

    private static bool Matches(string given, string key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key));
}
