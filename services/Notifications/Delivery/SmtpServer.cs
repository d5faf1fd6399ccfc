namespace Platform.Notifications.Delivery;

/// <summary>
/// The SMTP server from <c>ConnectionStrings:mail</c>: <c>smtp://host:port</c> as our AppHost injects it, or
/// <c>Endpoint=smtp://host:port</c> as Aspire's mail-server integrations do.
/// </summary>
public sealed record SmtpServer(string Host, int Port)
{
    public const string ConnectionStringName = "mail";

    public static SmtpServer Parse(string? connectionString)
    {
        var value = connectionString?.Trim() ?? string.Empty;
        if (value.StartsWith("Endpoint=", StringComparison.OrdinalIgnoreCase))
        {
            value = value["Endpoint=".Length..].Split(';')[0];
        }

        if (value.Length == 0)
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set. The AppHost injects it as ConnectionStrings__{ConnectionStringName}=smtp://127.0.0.1:PORT.");
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != "smtp" || uri.Port <= 0)
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} must look like smtp://host:port.");
        }

        return new SmtpServer(uri.Host, uri.Port);
    }
}
