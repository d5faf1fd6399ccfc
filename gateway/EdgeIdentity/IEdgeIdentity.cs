using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.EdgeIdentity;

/// <summary>
/// The seam where the gateway decides who a caller is (API key for partners' systems, account for staff and
/// organisation users — a later issue). The answer becomes the internal token the services see; null means
/// anonymous, and the request goes on with no identity at all.
/// </summary>
public interface IEdgeIdentity
{
    ValueTask<InternalIdentity?> AuthenticateAsync(HttpContext context);
}
