using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Platform.AppHost.Hosting;
using Platform.AppHost.Hosting.Resources;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// What the end-to-end tests do with the running app, over Aspire's own services: its model, its resource commands
/// (stop and start, as the dashboard's buttons) and its resource notifications.
/// </summary>
public static class PlatformApp
{
    public static DistributedApplicationModel Model(this DistributedApplication app) =>
        app.Services.GetRequiredService<DistributedApplicationModel>();

    public static T Resource<T>(this DistributedApplication app, string name) where T : IResource =>
        app.Model().Resources.OfType<T>().Single(r => r.Name == name);

    /// <summary>The messages the SMTP sink has received.</summary>
    public static Mailbox GetMailbox(this DistributedApplication app, string name) => app.Resource<SmtpSinkResource>(name).Mailbox;

    public static string GetConnectionString(this DistributedApplication app, string name) =>
        app.GetConnectionStringAsync(name).AsTask().GetAwaiter().GetResult()
            ?? throw new InvalidOperationException($"'{name}' has no connection string.");

    /// <summary>The data folder of this run (secrets.json and every server's folder).</summary>
    public static string DataDirectory(this DistributedApplication app) => app.Services.GetRequiredService<DataFolder>().Path;

    /// <summary>A parameter's value, as the AppHost resolved it (generated, and kept in the data folder).</summary>
    public static string ParameterValue(this DistributedApplication app, string name) =>
        app.Resource<ParameterResource>(name).GetValueAsync(default).AsTask().GetAwaiter().GetResult() ?? "";

    /// <summary>The dashboard's Stop, and waits until the resource has stopped.</summary>
    public static async Task StopResourceAsync(this DistributedApplication app, string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var cancellationToken = timeout.Token;
        var result = await app.ResourceCommands.ExecuteCommandAsync(name, KnownResourceCommands.StopCommand, cancellationToken);
        Assert.True(result.Success, $"stop {name}: {result.Message}");
        await app.ResourceNotifications.WaitForResourceAsync(name, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellationToken);
    }

    /// <summary>The dashboard's Start, with the same ports and data; waits until it runs (not until it is healthy).</summary>
    public static async Task StartResourceAsync(this DistributedApplication app, string name, CancellationToken cancellationToken = default)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(name, KnownResourceCommands.StartCommand, cancellationToken);
        Assert.True(result.Success, $"start {name}: {result.Message}");
        await app.ResourceNotifications.WaitForResourceAsync(name, KnownResourceStates.Running, cancellationToken);
    }

    public static Task WaitForResourceHealthyAsync(this DistributedApplication app, string name, CancellationToken cancellationToken = default) =>
        app.ResourceNotifications.WaitForResourceHealthyAsync(name, cancellationToken);
}
