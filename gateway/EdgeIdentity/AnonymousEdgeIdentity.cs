using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.EdgeIdentity;

/// <summary>Until accounts and API keys exist, every caller is treated as the public.</summary>
internal sealed class AnonymousEdgeIdentity : IEdgeIdentity
{
    public ValueTask<InternalIdentity?> AuthenticateAsync(HttpContext context) => ValueTask.FromResult<InternalIdentity?>(null);
}
