using Microsoft.AspNetCore.Http.Metadata;

namespace Platform.Volunteers.Infrastructure;

public static class OpenApiConventions
{
    /// <summary>Documents the 401 (no token) and 403 (wrong role) that the authorization middleware answers for staff groups.</summary>
    public static TBuilder ProducesAuthorizationFailures<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, null, []),
            new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, null, []));
}
