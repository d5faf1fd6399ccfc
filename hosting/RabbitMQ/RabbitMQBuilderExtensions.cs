using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Platform.AppHost.Hosting.RabbitMQ;
using Platform.AppHost.Hosting.Resources;

namespace Platform.AppHost.Hosting;

/// <summary>AddRabbitMQ with Aspire.Hosting.RabbitMQ's name and shape, over Debian's rabbitmq-server (local-infra.md).</summary>
public static class RabbitMQBuilderExtensions
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    /// <summary>
    /// The node with an epmd of its own beside it (the shared daemon would outlive the platform), both ended when DCP
    /// stops the resource; the node stops gracefully on SIGTERM and keeps its queues. Debian's rabbitmq-server ends with
    /// 0 whatever ended its node (it waits with "|| true"), so a node killed or crashed looked like one stopped, and the
    /// platform never started it again: one that ends without being asked to ends this with 1, a crash, which
    /// CrashRestarts starts again.
    /// </summary>
    internal const string NodeWithOwnEpmdShell = """
        /usr/bin/epmd -port "$ERL_EPMD_PORT" -address 127.0.0.1 & epmd=$!
        echo $epmd > "$HOME/epmd.pid"
        "$@" & server=$!
        asked=0
        trap 'asked=1; kill -TERM $server 2>/dev/null' TERM INT HUP
        wait $server; status=$?
        while kill -0 $server 2>/dev/null; do wait $server; status=$?; done
        kill $epmd 2>/dev/null; rm -f "$HOME/epmd.pid"
        if [ $asked = 0 ] && [ $status = 0 ]; then status=1; fi
        exit $status
        """;

    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource>? password = null, int? port = null)
    {
        var data = builder.GetDataFolder();
        var passwordParameter = password ?? builder.AddGeneratedParameter($"{name}-password", bytes: 24, urlSafe: true);
        var home = data.For(name);
        var amqpPort = port ?? FreePort.Next();
        var server = new RabbitMQServerResource(name, "/bin/sh", home, passwordParameter.Resource);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (_, ct) =>
        {
            if (!File.Exists(ServerScript))
                throw new PlatformSetupException($"{ServerScript} is missing: install Debian's rabbitmq-server package (./platform up installs it).");
            var users = new List<(string, string, BrokerPermissions)>();
            foreach (var user in server.Users)
                users.Add((user.UserName, await user.PasswordParameter.GetValueAsync(ct) ?? throw new PlatformSetupException($"{user.Name}'s password has no value."), user.Permissions));
            await WriteConfigurationAsync(home, amqpPort, await passwordParameter.Resource.GetValueAsync(ct) ?? "", users, ct);
        });
        builder.MirrorOntoChildren<RabbitMQServerResource, RabbitMQUserResource>(server);

        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddPolledCheck(healthCheck, ct => Probes.AmqpAsync(amqpPort, ct), "no AMQP handshake");

        var inv = CultureInfo.InvariantCulture;
        return builder.AddResource(server)
            .WithArgs("-c", NodeWithOwnEpmdShell, "rabbitmq-with-epmd", ServerScript)
            .WithEnvironment("HOME", home)
            .WithEnvironment("RABBITMQ_NODENAME", NodeName(home))
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_NODE_PORT", amqpPort.ToString(inv))
            .WithEnvironment("RABBITMQ_DIST_PORT", FreePort.Next().ToString(inv))
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(home, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(home, "log"))
            .WithEnvironment("RABBITMQ_LOGS", "-")
            .WithEnvironment("RABBITMQ_CONFIG_FILE", Path.Combine(home, "rabbitmq.conf"))
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(home, "enabled_plugins"))
            .WithEnvironment("RABBITMQ_CONF_ENV_FILE", Path.Combine(home, "rabbitmq-env.conf"))
            .WithEnvironment("ERL_EPMD_ADDRESS", "127.0.0.1")
            .WithEnvironment("ERL_EPMD_PORT", FreePort.Next().ToString(inv))
            .WithEnvironment("ERL_CRASH_DUMP", Path.Combine(home, "erl_crash.dump"))
            // No scheduler busy-waiting: on a small machine the spinning VM would take CPU from the services starting beside it.
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none")
            .WithEndpoint(RabbitMQServerResource.PrimaryEndpointName, e =>
            {
                e.Port = amqpPort;
                e.TargetPort = amqpPort;
                e.IsProxied = false;
                e.TargetHost = "127.0.0.1";
                e.UriScheme = "amqp";
            })
            .WithIconName("Mailbox")
            .WithHealthCheck(healthCheck);
    }

    /// <summary>
    /// A service's own login (named as the service, in lower case), allowed only its own queues and exchanges and the
    /// event exchanges it subscribes to (<see cref="BrokerPermissions"/>); its password a generated parameter kept with
    /// the data. Reference it as the service's "messaging" connection.
    /// </summary>
    public static IResourceBuilder<RabbitMQUserResource> AddServiceUser(this IResourceBuilder<RabbitMQServerResource> builder, string service,
        params string[] subscribes)
    {
        var name = $"{builder.Resource.Name}-{service}";
        var password = builder.ApplicationBuilder.AddGeneratedParameter($"{name}-password", bytes: 24, urlSafe: true);
        var user = new RabbitMQUserResource(name, service, password.Resource, BrokerPermissions.ForService(service, subscribes), builder.Resource);
        builder.Resource.Users.Add(user);
        return builder.ApplicationBuilder.AddResource(user).WithIconName("Person")
            // In the manifest, the login and its permissions too, so a deployment (deploy/, ./platform publish k8s)
            // creates the same login with the same permissions on its broker.
            .WithManifestPublishingCallback(context =>
            {
                context.Writer.WriteString("type", "value.v0");
                context.WriteConnectionString(user);
                context.Writer.WriteStartObject("brokerUser");
                context.Writer.WriteString("name", user.UserName);
                context.Writer.WriteString("configure", user.Permissions.Configure);
                context.Writer.WriteString("write", user.Permissions.Write);
                context.Writer.WriteString("read", user.Permissions.Read);
                context.Writer.WriteBoolean("impersonator", user.Permissions.Impersonator);
                context.Writer.WriteEndObject();
            });
    }

    private static async Task WriteConfigurationAsync(string home, int port, string password,
        IReadOnlyList<(string User, string Password, BrokerPermissions Permissions)> users, CancellationToken ct)
    {
        Directory.CreateDirectory(home);
        var cookie = Path.Combine(home, ".erlang.cookie");
        if (!File.Exists(cookie))
        {
            await File.WriteAllTextAsync(cookie, Convert.ToHexString(RandomNumberGenerator.GetBytes(20)), ct);
            File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
        }
        // Every login and its permissions, imported at each boot: the node keeps what it had, brought up to date.
        var definitions = Path.Combine(home, "definitions.json");
        await File.WriteAllTextAsync(definitions, "", ct);
        File.SetUnixFileMode(definitions, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllTextAsync(definitions, BrokerDefinitions.Json(RabbitMQServerResource.UserName, password, users), ct);
        // default_user applies on the first boot only; the password is the data folder's, so it stays the same.
        await File.WriteAllTextAsync(Path.Combine(home, "rabbitmq.conf"), $"""
            listeners.tcp.default = 127.0.0.1:{port}
            default_user = {RabbitMQServerResource.UserName}
            default_pass = {password}
            loopback_users = none
            load_definitions = {definitions}
            log.console = true
            log.console.level = info
            log.file = false
            """, ct);
        await File.WriteAllTextAsync(Path.Combine(home, "enabled_plugins"), "[].", ct);
        await File.WriteAllTextAsync(Path.Combine(home, "rabbitmq-env.conf"), "", ct);
    }

    /// <summary>Stable per data folder, so the node finds its own mnesia again, and distinct between folders.</summary>
    private static string NodeName(string home) =>
        $"platform-{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(home)))[..8].ToLowerInvariant()}@localhost";
}
