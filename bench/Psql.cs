using System.Diagnostics;
using System.Globalization;

namespace Platform.Bench;

/// <summary>PostgreSQL's own clients (Debian's postgresql 15) against one of the platform's databases, as the superuser.</summary>
public sealed class Psql(int port, string password, string database)
{
    public const string Bin = "/usr/lib/postgresql/15/bin";

    public int Port => port;

    public string Database => database;

    public Task RunAsync(string sql) => ToolAsync("psql", TimeSpan.FromMinutes(5), "-d", database, "-v", "ON_ERROR_STOP=1", "-c", sql);

    /// <summary>Unaligned, tuples only: fields separated by '|', rows by new lines.</summary>
    public Task<string> QueryAsync(string sql) => ToolAsync("psql", TimeSpan.FromMinutes(5), "-d", database, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql);

    public Task<string> ToolAsync(string tool, TimeSpan timeout, params string[] arguments) => ToolAsync(tool, timeout, null, arguments);

    public async Task<string> ToolAsync(string tool, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var info = new ProcessStartInfo(Path.Combine(Bin, tool)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", "postgres" }.Concat(arguments))
            info.ArgumentList.Add(argument);
        info.Environment["PGPASSWORD"] = password;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(cancel.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within {timeout.TotalSeconds} s");
        }

        var output = await stdout;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} exited with {process.ExitCode}:\n{output}{await stderr}");
        return output + await stderr;
    }
}
