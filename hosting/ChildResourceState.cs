using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.AppHost.Hosting;

/// <summary>
/// Aspire mirrors a container's state onto its child resources, not an executable's: this does it for ours (a server's
/// databases, a broker's logins), so that WaitFor(child) means the server runs and the dashboard shows the child's state.
/// </summary>
internal static class ChildResourceState
{
    public static void MirrorOntoChildren<TParent, TChild>(this IDistributedApplicationBuilder builder, TParent parent)
        where TParent : IResource where TChild : IResource, IResourceWithParent<TParent>
    {
        builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) =>
        {
            var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
            var stopping = e.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping;
            var children = e.Model.Resources.OfType<TChild>().Where(c => ReferenceEquals(c.Parent, parent)).Cast<IResource>().ToList();
            _ = MirrorAsync(notifications, parent, children, stopping);
            return Task.CompletedTask;
        });
    }

    private static async Task MirrorAsync(ResourceNotificationService notifications, IResource parent, IReadOnlyList<IResource> children, CancellationToken stopping)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping))
            {
                if (update.Resource != parent) continue;
                foreach (var child in children)
                {
                    await notifications.PublishUpdateAsync(child, s => s with
                    {
                        State = update.Snapshot.State,
                        StartTimeStamp = update.Snapshot.StartTimeStamp,
                        StopTimeStamp = update.Snapshot.StopTimeStamp,
                    });
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
