using System.Diagnostics;

namespace Platform.AppHost.Hosting;

/// <summary>
/// After an AppHost was SIGKILLed, DCP normally stops what it ran; should a server outlive both (its shell killed,
/// the server orphaned), it still holds the data folder. The next run finds such processes by the data folder in their
/// command line (or a pid file there) and ends them before starting its own.
/// </summary>
public static class Leftovers
{
    public static IReadOnlyList<int> End(string dataFolder)
    {
        var found = Find(dataFolder);
        if (found.Count == 0) return found;
        Console.Error.WriteLine($"Ending {found.Count} process(es) an earlier run left on {dataFolder}.");
        foreach (var pid in found) Signal(pid, "-INT"); // PostgreSQL's fast shutdown; RabbitMQ and Python stop on it too
        var deadline = Stopwatch.StartNew();
        while (found.Any(Alive) && deadline.Elapsed < TimeSpan.FromSeconds(15)) Thread.Sleep(100);
        foreach (var pid in found.Where(Alive)) Signal(pid, "-KILL");
        return found;
    }

    public static IReadOnlyList<int> Find(string dataFolder)
    {
        // This AppHost and whatever started it (a shell, `timeout`, a test) name the folder too, and are not leftovers.
        var ours = Ancestry(Environment.ProcessId);
        var pids = new HashSet<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || ours.Contains(pid)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Contains(dataFolder, StringComparison.Ordinal)) pids.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        // epmd's command line names no folder: the node's shell records it.
        foreach (var file in Directory.Exists(dataFolder) ? Directory.GetFiles(dataFolder, "epmd.pid", SearchOption.AllDirectories) : [])
            if (int.TryParse(File.ReadAllText(file).Trim(), out var pid) && CommandOf(pid).StartsWith("/usr/bin/epmd", StringComparison.Ordinal)) pids.Add(pid);
        return [.. pids];
    }

    private static HashSet<int> Ancestry(int pid)
    {
        var chain = new HashSet<int>();
        while (pid > 1 && chain.Add(pid))
        {
            try { pid = int.Parse(File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture); }
            catch (IOException) { break; }
        }
        return chain;
    }

    private static string CommandOf(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (IOException) { return ""; }
    }

    private static bool Alive(int pid)
    {
        try { return !File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].TrimStart().StartsWith('Z'); }
        catch (IOException) { return false; }
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("/bin/kill", [signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardError = true,
        })!;
        kill.WaitForExit();
    }
}
