using Microsoft.AspNetCore.Authorization;
using Platform.ServiceDefaults.Identity;

namespace Platform.Events.Contributions;

/// <summary>
/// Who may offer a pitch or a stand: a partner organisation, through one of its users (role organisation) or one of its
/// systems (a partner key with "events:write", which the gateway also checks). Either way the gateway's token names the
/// organisation, which is what makes "one pitch per organisation" mean anything; staff are not partners.
/// </summary>
public static class PartnerPolicy
{
    public const string Name = "events-partner-organisation";
    public const string WriteScope = "events:write";

    public static AuthorizationBuilder AddPartnerOrganisationPolicy(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Name, p => p.RequireAuthenticatedUser()
            .RequireClaim(PlatformClaims.Role, PlatformClaims.Roles.Organisation, PlatformClaims.Roles.Partner)
            .RequireAssertion(c => c.User.GetOrganisationId() is not null && !string.IsNullOrEmpty(c.User.GetSubject())
                && (c.User.GetRole() == PlatformClaims.Roles.Organisation || c.User.HasScope(WriteScope))));
}
