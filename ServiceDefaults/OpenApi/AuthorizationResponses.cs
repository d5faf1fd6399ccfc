using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

// In ASP.NET Core's own namespace for endpoint conventions (beside RequireAuthorization and ProducesProblem), so a
// service's API classes use it without importing anything.
namespace Microsoft.AspNetCore.Builder;

public static class AuthorizationResponses
{
    /// <summary>Documents the 401 (no token) and 403 (wrong role) that the authorization middleware answers for a protected group.</summary>
    public static TBuilder ProducesAuthorizationFailures<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, null, []),
            new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, null, []));
}
