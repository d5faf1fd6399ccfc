using System.Security.Cryptography;
using Platform.AppHost.Hosting.ApplicationModel;
using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// A private RabbitMQ node (Debian's rabbitmq-server) on loopback, with its own epmd so that stopping the
/// platform leaves nothing behind. Where Aspire would run the rabbitmq container.
/// </summary>
public sealed class RabbitMQServerResource(string name) : ProcessResource(name), IResourceWithConnectionString
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    public override string Type => "RabbitMQ";
    public override int ShutdownTier => 2;
    protected override TimeSpan StopGrace => TimeSpan.FromSeconds(20);

    public int Port { get; set; } = FreePort.Next();
    private readonly int _distributionPort = FreePort.Next();
    private readonly int _epmdPort = FreePort.Next();
    private string _user = "platform";
    private string _password = "";

    public string ConnectionString => $"amqp://{_user}:{_password}@127.0.0.1:{Port}";

    public override IReadOnlyList<string> Urls => [$"amqp://127.0.0.1:{Port}"];

    protected override Task<ProcessSpec> PrepareAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(ServerScript))
            throw new InvalidOperationException($"{ServerScript} is missing: install rabbitmq-server (./platform up installs it).");
        _password = context.Secrets.GetOrCreate($"{Name}-password");
        var home = context.DataDirectoryFor(this);

        var cookie = Path.Combine(home, ".erlang.cookie");
        if (!File.Exists(cookie))
        {
            File.WriteAllText(cookie, Convert.ToHexString(RandomNumberGenerator.GetBytes(20)));
            File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
        }
        File.WriteAllText(Path.Combine(home, "rabbitmq.conf"), $"""
            listeners.tcp.default = 127.0.0.1:{Port}
            default_user = {_user}
            default_pass = {_password}
            loopback_users = none
            log.console = true
            log.console.level = info
            log.file = false
            """);
        File.WriteAllText(Path.Combine(home, "enabled_plugins"), "[].");
        File.WriteAllText(Path.Combine(home, "rabbitmq-env.conf"), "");

        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["RABBITMQ_NODENAME"] = NodeName(home),
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Port.ToString(),
            ["RABBITMQ_DIST_PORT"] = _distributionPort.ToString(),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(home, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(home, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(home, "rabbitmq.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(home, "enabled_plugins"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(home, "rabbitmq-env.conf"),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["ERL_EPMD_PORT"] = _epmdPort.ToString(),
            ["ERL_CRASH_DUMP"] = Path.Combine(home, "erl_crash.dump"),
            // No scheduler busy-waiting: on a small machine the spinning VM would take CPU from the services starting beside it.
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none",
        };

        // Our own epmd, a child like the node, instead of the shared daemon that would outlive the platform.
        LaunchHelper(context, new ProcessSpec("/usr/bin/epmd", ["-port", _epmdPort.ToString(), "-address", "127.0.0.1"])
        {
            Environment = new() { ["ERL_EPMD_ADDRESS"] = "127.0.0.1" },
        }, "epmd");

        return Task.FromResult(new ProcessSpec(ServerScript, []) { Environment = environment, WorkingDirectory = home });
    }

    /// <summary>Stable per data folder, so the node finds its own mnesia again, and distinct between folders.</summary>
    private static string NodeName(string home) =>
        $"platform-{Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(home)))[..8].ToLowerInvariant()}@localhost";

    public override async Task<HealthStatus> CheckHealthAsync(CancellationToken cancellationToken) =>
        await Probes.AmqpAsync(Port, cancellationToken) ? HealthStatus.Healthy : HealthStatus.Unhealthy;
}
