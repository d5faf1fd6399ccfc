using Npgsql;
using Platform.AppHost.Hosting.ApplicationModel;
using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// A private PostgreSQL 15 cluster on loopback (Debian's binaries), run as the postgres user because the server
/// refuses root. Where Aspire would run the postgres container; databases are child resources.
/// </summary>
public sealed class PostgresServerResource(string name) : ProcessResource(name), IResourceWithConnectionString
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string SystemUser = "postgres";

    public override string Type => "PostgreSQL";
    public override int ShutdownTier => 2;
    protected override int StopSignal => Signals.SIGINT; // "fast" shutdown: ends sessions, checkpoints, exits

    public int Port { get; } = FreePort.Next();
    public string UserName => "postgres";
    public string Password { get; private set; } = "";
    public List<PostgresDatabaseResource> Databases { get; } = [];

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username={UserName};Password={Password}";

    public override IReadOnlyList<string> Urls => [$"postgresql://127.0.0.1:{Port}"];

    private bool _ephemeral;

    protected override async Task<ProcessSpec> PrepareAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(BinDirectory, "postgres")))
            throw new InvalidOperationException($"{BinDirectory}/postgres is missing: install postgresql (./platform up installs it).");
        Password = context.Secrets.GetOrCreate($"{Name}-password");
        _ephemeral = context.Options.Ephemeral;
        var root = context.DataDirectoryFor(this);
        var data = Path.Combine(root, "data");
        var sockets = Path.Combine(root, "sock");
        Directory.CreateDirectory(sockets);
        await OwnByPostgresAsync(root, cancellationToken);

        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
            await InitDbAsync(context, data, cancellationToken);

        // Every service's bounded pool (data/: 30 each) fits beside the AppHost's probes and an operator's psql.
        List<string> arguments = ["-D", data, "-p", Port.ToString(), "-k", sockets, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=250"];
        if (_ephemeral)
            arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        return new ProcessSpec(Path.Combine(BinDirectory, "postgres"), arguments) { UserName = SystemUser, WorkingDirectory = root };
    }

    private async Task InitDbAsync(ResourceContext context, string data, CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(Path.GetDirectoryName(data)!, "pwfile");
        await File.WriteAllTextAsync(passwordFile, Password, cancellationToken);
        await OwnByPostgresAsync(passwordFile, cancellationToken);
        try
        {
            var initdb = ManagedProcess.Start(new ProcessSpec(Path.Combine(BinDirectory, "initdb"),
                ["-D", data, "-U", UserName, "--auth-local=trust", "--auth-host=scram-sha-256", $"--pwfile={passwordFile}",
                 "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
            { UserName = SystemUser, WorkingDirectory = Path.GetDirectoryName(data) },
                (line, isError) => Status.Logs.Add(line, isError, context.Time.GetUtcNow()));
            var exitCode = await initdb.Exited.WaitAsync(cancellationToken);
            if (exitCode != 0) throw new InvalidOperationException($"initdb exited with code {exitCode}.");
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static async Task OwnByPostgresAsync(string path, CancellationToken cancellationToken)
    {
        // The data folder must belong to postgres with mode 0700; chown -R also covers a folder restored by root.
        var chown = ManagedProcess.Start(new ProcessSpec("/bin/chown", ["-R", $"{SystemUser}:{SystemUser}", path]), (_, _) => { });
        if (await chown.Exited.WaitAsync(cancellationToken) != 0)
            throw new InvalidOperationException($"Could not give {path} to the {SystemUser} user.");
        if (Directory.Exists(path))
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public override async Task<HealthStatus> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString + ";Database=postgres;Pooling=false;Timeout=2");
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthStatus.Healthy;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
        {
            return HealthStatus.Unhealthy;
        }
    }
}
