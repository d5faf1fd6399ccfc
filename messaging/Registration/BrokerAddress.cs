namespace Platform.Messaging;

/// <summary>
/// The broker from <c>ConnectionStrings:messaging</c>, in the form an Aspire AppHost injects:
/// <c>amqp://user:pass@host:port[/vhost]</c>.
/// </summary>
public sealed class BrokerAddress
{
    public const string ConnectionStringName = "messaging";

    private BrokerAddress(Uri uri, string host, ushort port, string virtualHost, string username, string password)
    {
        Uri = uri;
        Host = host;
        Port = port;
        VirtualHost = virtualHost;
        Username = username;
        Password = password;
    }

    public Uri Uri { get; }
    public string Host { get; }
    public ushort Port { get; }
    public string VirtualHost { get; }
    public string Username { get; }
    public string Password { get; }

    public static BrokerAddress Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set. The AppHost injects it as " +
                $"ConnectionStrings__{ConnectionStringName}=amqp://user:pass@127.0.0.1:PORT; set it the same way to run the service alone.");
        }

        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} must be an amqp:// or amqps:// URI (amqp://user:pass@host:port).");
        }

        var credentials = uri.UserInfo.Split(':', 2);
        var username = credentials[0].Length > 0 ? Uri.UnescapeDataString(credentials[0]) : "guest";
        var password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "guest";
        var port = uri.IsDefaultPort || uri.Port < 0 ? (uri.Scheme == "amqps" ? 5671 : 5672) : uri.Port;
        var path = uri.AbsolutePath.Trim('/');
        var virtualHost = path.Length == 0 ? "/" : Uri.UnescapeDataString(path);

        return new BrokerAddress(uri, uri.Host, (ushort)port, virtualHost, username, password);
    }
}
