namespace Platform.ServiceDefaults.Identity;

/// <summary>Who the gateway vouches for on one request: what it puts into the internal token.</summary>
public sealed record InternalIdentity(string Subject, string Role, Guid? OrganisationId, IReadOnlyCollection<string> Scopes)
{
    /// <summary>A caller with no account or key (the public); its token lets a request reach a service's public endpoints only.</summary>
    public static readonly InternalIdentity Anonymous = new(PlatformClaims.Roles.Anonymous, PlatformClaims.Roles.Anonymous, null, []);
}
