namespace Platform.Gateway.ApiKeys;

/// <summary>
/// What an organisation key may call, by scope. The gateway admits such a key only to the operations listed here, so
/// a key never reaches the rest of what the organisation's users may do (volunteers' records, hours, credentials):
/// anything unlisted is 403, whatever the key's scopes. A "write" scope includes the reads of the same operations.
/// </summary>
public static class OrganisationKeyScopes
{
    public const string RolesRead = "roles:read";
    public const string RolesWrite = "roles:write";
    public const string ApplicationsRead = "applications:read";
    public const string WebhooksWrite = "webhooks:write";

    /// <summary>The organisation's own figures, its co-run events' and the county's (aggregates with small counts suppressed).</summary>
    public const string FiguresRead = "figures:read";

    public static readonly IReadOnlySet<string> All =
        new HashSet<string>(StringComparer.Ordinal) { RolesRead, RolesWrite, ApplicationsRead, WebhooksWrite, FiguresRead };

    private sealed record Grant(string PathPrefix, bool ReadsOnly, string Scope);

    private static readonly Grant[] Grants =
    [
        new("/api/volunteers/organisation/roles", ReadsOnly: true, RolesRead),
        new("/api/volunteers/organisation/roles", ReadsOnly: false, RolesWrite),
        new("/api/volunteers/organisation/applications", ReadsOnly: true, ApplicationsRead),
        new("/api/notifications/webhooks", ReadsOnly: false, WebhooksWrite),
        new("/api/events/figures", ReadsOnly: true, FiguresRead),
        new("/api/volunteers/figures", ReadsOnly: true, FiguresRead),
    ];

    /// <returns>The scopes any one of which admits this request; empty when no organisation key may make it.</returns>
    public static IReadOnlyList<string> Admitting(string path, string method)
    {
        var read = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
        return Grants
            .Where(g => (read || !g.ReadsOnly) && Under(path, g.PathPrefix))
            .Select(g => g.Scope)
            .ToList();
    }

    private static bool Under(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (path.Length == prefix.Length || path[prefix.Length] == '/');
}
