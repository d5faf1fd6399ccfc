namespace Platform.Gateway.EdgeIdentity;

/// <summary>
/// The seam where the gateway decides who a caller is (API key for partners' systems, session token for staff and
/// organisation users). The answer becomes the internal token the services see.
/// </summary>
public interface IEdgeIdentity
{
    ValueTask<EdgeAuthentication> AuthenticateAsync(HttpContext context);
}
