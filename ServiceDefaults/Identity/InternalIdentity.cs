namespace Platform.ServiceDefaults.Identity;

/// <summary>Who the gateway vouches for on one request: what it puts into the internal token.</summary>
public sealed record InternalIdentity(string Subject, string Role, Guid? OrganisationId, IReadOnlyCollection<string> Scopes);
