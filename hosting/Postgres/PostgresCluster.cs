using System.Diagnostics;

namespace Platform.AppHost.Hosting.Postgres;

/// <summary>
/// Debian's PostgreSQL 15 on a folder of our own: what initdb needs before the first start, and the server's command
/// line. The server refuses to run as root, so it runs as the postgres user on a folder that user owns (local-infra.md).
/// Shared by the AppHost's resource and the services' tests, which start one cheaply without the whole platform.
/// </summary>
public static class PostgresCluster
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";
    public const string SystemUser = "postgres";

    public static string ServerBinary => Path.Combine(BinDirectory, "postgres");

    /// <summary>The one sentence a person needs when the package is missing.</summary>
    public static string? MissingPackage() => File.Exists(ServerBinary)
        ? null
        : $"{ServerBinary} is missing: install Debian's postgresql package (./platform up installs it).";

    /// <summary>Gives the folder to postgres and runs initdb once; returns the data directory.</summary>
    public static async Task<string> PrepareAsync(string root, string password, Action<string> log, CancellationToken cancellationToken)
    {
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(Path.Combine(root, "sock"));
        await RunAsync("/bin/chown", ["-R", $"{SystemUser}:{SystemUser}", root], log, cancellationToken);
        File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (File.Exists(Path.Combine(data, "PG_VERSION"))) return data;

        var passwordFile = Path.Combine(root, "pwfile");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        await RunAsync("/bin/chown", [$"{SystemUser}:{SystemUser}", passwordFile], log, cancellationToken);
        try
        {
            await RunAsync("/usr/bin/setpriv", [.. AsPostgres, Path.Combine(BinDirectory, "initdb"), "-D", data, "-U", SystemUser,
                "--auth-local=trust", "--auth-host=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                log, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
        return data;
    }

    /// <summary>setpriv's arguments that drop root for the postgres user (the server refuses root).</summary>
    public static IReadOnlyList<string> AsPostgres => ["--reuid=" + SystemUser, "--regid=" + SystemUser, "--init-groups", "--"];

    /// <summary>
    /// The server's arguments. Every service's bounded pool (data/: 30 each) fits beside the AppHost's checks and an
    /// operator's psql. Throwaway clusters (tests) skip fsync.
    /// </summary>
    public static IReadOnlyList<string> ServerArguments(string root, int port, bool throwaway)
    {
        List<string> arguments = ["-D", Path.Combine(root, "data"), "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-k", Path.Combine(root, "sock"), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=250"];
        if (throwaway) arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        return arguments;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, Action<string> log, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        foreach (var line in ((await output) + (await errors)).Split('\n', StringSplitOptions.RemoveEmptyEntries)) log(line);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with code {process.ExitCode} preparing {arguments[^1]}.");
    }
}
