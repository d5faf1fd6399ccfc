using Platform.Gateway.Routing;

namespace Platform.Gateway.ApiKeys;

/// <summary>
/// A partner scope is "{service}:read" or "{service}:write". The gateway enforces them itself for partner keys
/// (reads are GET/HEAD/OPTIONS), before the request reaches a service, which may check finer scopes of its own.
/// </summary>
public static class ApiKeyScopes
{
    public static readonly IReadOnlySet<string> All =
        ServiceRoutes.Services.SelectMany(service => new[] { $"{service}:read", $"{service}:write" }).ToHashSet(StringComparer.Ordinal);

    public static string Required(string service, string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            ? $"{service}:read"
            : $"{service}:write";
}
