namespace Platform.Gateway.EdgeIdentity;

/// <summary>Where callers put their credentials. Every one of these is removed before a request is proxied.</summary>
public static class EdgeCredentials
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string SessionCookie = "__Host-platform-session";
    public const string Challenge = "Bearer, ApiKey header=\"X-Api-Key\"";
}
