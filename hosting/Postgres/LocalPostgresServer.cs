using System.Diagnostics;
using Npgsql;

namespace Platform.AppHost.Hosting.Postgres;

/// <summary>
/// One PostgreSQL started straight from the test process, without DCP or a dashboard: the services' tests need only a
/// database server, and start one per test run in well under a second (local-infra.md). Throwaway: fsync off.
/// </summary>
public sealed class LocalPostgresServer : IAsyncDisposable
{
    private readonly Process _process;

    private LocalPostgresServer(Process process, string root, int port, string password)
    {
        _process = process;
        Root = root;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username={PostgresCluster.SystemUser};Password={password}";
    }

    public string Root { get; }

    /// <summary>The server's connection string without a database.</summary>
    public string ConnectionString { get; }

    public static async Task<LocalPostgresServer> StartAsync(string root, CancellationToken cancellationToken)
    {
        if (PostgresCluster.MissingPackage() is { } missing) throw new PlatformSetupException(missing);
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        await PostgresCluster.PrepareAsync(root, password, _ => { }, cancellationToken);
        var port = FreePort.Next();
        var info = new ProcessStartInfo("/usr/bin/setpriv") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in PostgresCluster.AsPostgres.Append(PostgresCluster.ServerBinary).Concat(PostgresCluster.ServerArguments(root, port, throwaway: true)))
            info.ArgumentList.Add(argument);
        var process = Process.Start(info)!;
        // Read both pipes, or a full one blocks the server.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new LocalPostgresServer(process, root, port, password);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(server.ConnectionString + ";Database=postgres;Pooling=false;Timeout=2");
                await connection.OpenAsync(cancellationToken);
                return server;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException && deadline.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    /// <summary>Fast shutdown (SIGINT), then the data folder goes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("/bin/kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            try { await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)); }
            catch (TimeoutException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
