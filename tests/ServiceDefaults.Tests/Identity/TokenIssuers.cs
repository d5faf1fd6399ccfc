using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Identity;

namespace Platform.ServiceDefaults.Tests.Identity;

internal static class TokenIssuers
{
    public static InternalTokenIssuer With(string signingKey, TimeProvider? time = null, string? audience = null) =>
        new(Options.Create(new InternalTokenOptions
        {
            SigningKey = signingKey,
            Audience = audience ?? new InternalTokenOptions().Audience,
        }), time ?? TimeProvider.System);

    public static InternalIdentity Staff(params string[] scopes) => new("staff-1", PlatformClaims.Roles.Staff, null, scopes);

    public static InternalIdentity Partner(params string[] scopes) => new("partner-1", PlatformClaims.Roles.Partner, null, scopes);

    public static InternalIdentity Organisation(Guid organisationId) =>
        new("org-user-1", PlatformClaims.Roles.Organisation, organisationId, []);
}
