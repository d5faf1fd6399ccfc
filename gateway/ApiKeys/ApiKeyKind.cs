namespace Platform.Gateway.ApiKeys;

/// <summary>
/// Whom a key acts as. A partner key reads and writes whole services by "{service}:read|write" scopes; an organisation
/// key acts as its voluntary organisation (the internal token says role "organisation", as for its signed-in users, so
/// every service filters by its organisation id exactly as it does for them), limited to the operations its
/// <see cref="OrganisationKeyScopes"/> name.
/// </summary>
public enum ApiKeyKind
{
    Partner,
    Organisation,
}
