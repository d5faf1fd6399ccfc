using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Hosting;

public static class LinkSecretKeyExtensions
{
    /// <summary>
    /// Gives a project a key for the link secrets in integration events (messaging/LinkSecrets, bound from
    /// <c>Messaging:LinkSecrets</c>): the publisher seals with its own (<paramref name="sealWith"/>), Notifications holds
    /// every publisher's to open them. <paramref name="keyId"/> is the owning service's login and a number (events-1):
    /// rotating adds events-2 beside it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithLinkSecretKey(this IResourceBuilder<ProjectResource> project, string keyId,
        IResourceBuilder<ParameterResource> key, bool sealWith = false)
    {
        project.WithEnvironment($"Messaging__LinkSecrets__Keys__{keyId}", key);
        return sealWith ? project.WithEnvironment("Messaging__LinkSecrets__SealWith", keyId) : project;
    }
}
