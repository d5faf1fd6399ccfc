using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests.Identity;

internal static class TokenIssuers
{
    /// <summary>Acting as the gateway with <paramref name="signingKey"/>, minting for <paramref name="audience"/> (the test service by default).</summary>
    public static TestIssuer With(string signingKey, TimeProvider? time = null, string? audience = null) =>
        new(new InternalTokenIssuer(Options.Create(new InternalTokenOptions { SigningKey = signingKey }), time ?? TimeProvider.System),
            audience ?? TestApp.ServiceName);

    public static InternalIdentity Staff(params string[] scopes) => new("staff-1", PlatformClaims.Roles.Staff, null, scopes);

    public static InternalIdentity Partner(params string[] scopes) => new("partner-1", PlatformClaims.Roles.Partner, null, scopes);

    public static InternalIdentity Organisation(Guid organisationId) =>
        new("org-user-1", PlatformClaims.Roles.Organisation, organisationId, []);
}

internal sealed record TestIssuer(InternalTokenIssuer Issuer, string Audience)
{
    public string Issue(InternalIdentity identity, string? audience = null) => Issuer.Issue(identity, audience ?? Audience);
}
