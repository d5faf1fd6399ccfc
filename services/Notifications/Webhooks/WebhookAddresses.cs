using System.Net;
using System.Net.Sockets;

namespace Platform.Notifications.Webhooks;

/// <summary>
/// Server-side request forgery protection: a partner's URL must not make this service call into the internal network.
/// The URL is checked when registered, and every address a name resolves to is checked again when connecting (so a
/// name re-pointed at 10.0.0.1 after registration is refused too); redirects are never followed (the sender's handler).
/// </summary>
public sealed class WebhookAddresses(bool allowLoopback)
{
    /// <returns>Why the URL may not be registered, or null.</returns>
    public string? RefusalOf(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > WebhookLimits.UrlLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return $"An absolute URL of at most {WebhookLimits.UrlLength} characters is required.";
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return "The URL must carry no user name, password or fragment.";
        }

        var loopback = uri.IsLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && loopback && allowLoopback))
        {
            return "The URL must be https.";
        }

        return IPAddress.TryParse(uri.IdnHost, out var address) && !IsAllowed(address)
            ? "The URL points at a private, loopback or otherwise internal address."
            : loopback && !allowLoopback ? "The URL points at a private, loopback or otherwise internal address." : null;
    }

    public bool IsAllowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return allowLoopback;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast
                     || address.Equals(IPAddress.IPv6Any));
        }

        var b = address.GetAddressBytes();
        return !(b[0] == 0 || b[0] == 10 || b[0] >= 224                 // "this" network, private, multicast and reserved
                 || (b[0] == 100 && b[1] >= 64 && b[1] < 128)          // carrier-grade NAT
                 || (b[0] == 169 && b[1] == 254)                       // link-local, cloud metadata services
                 || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                 || (b[0] == 192 && b[1] == 168)
                 || (b[0] == 192 && b[1] == 0 && b[2] == 0)            // IETF protocol assignments
                 || (b[0] == 198 && (b[1] == 18 || b[1] == 19)));     // benchmarking
    }

    /// <summary>The sender's connect step: resolves the name and connects only to an allowed address.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(IsAllowed).ToArray();
        // Every address must pass: a name that resolves to one public and one internal address is refused outright.
        if (allowed.Length == 0 || allowed.Length != addresses.Length)
        {
            throw new WebhookAddressRefusedException(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

public sealed class WebhookAddressRefusedException(string host)
    : Exception($"{host} resolves to a private, loopback or otherwise internal address.");
