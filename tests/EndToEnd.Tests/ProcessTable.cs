namespace Platform.EndToEnd.Tests;

/// <summary>Reads /proc, the ground truth for "is anything of ours still running".</summary>
internal static class ProcessTable
{
    public static IReadOnlyList<int> Alive(IEnumerable<int> pids) => [.. pids.Where(p => All().Any(a => a.Pid == p))];

    /// <summary>Processes whose command line mentions the folder (a server started on that data).</summary>
    public static IReadOnlyList<int> WithDataFolder(string folder) => WithCommandLine(folder);

    public static IReadOnlyList<int> WithCommandLine(string part) =>
        [.. All().Where(p => (p.CommandLine + " ").Contains(part, StringComparison.Ordinal)).Select(p => p.Pid)];

    public static IEnumerable<string> CommandLines() => All().Select(p => p.CommandLine);

    public static string CommandLineOf(int pid) => All().FirstOrDefault(p => p.Pid == pid).CommandLine ?? "";

    public static IReadOnlyList<int> Descendants(int pid)
    {
        var all = All().ToList();
        var found = new List<int>();
        var frontier = new Queue<int>([pid]);
        while (frontier.TryDequeue(out var parent))
            foreach (var child in all.Where(p => p.Parent == parent))
            {
                found.Add(child.Pid);
                frontier.Enqueue(child.Pid);
            }
        return found;
    }

    private static IEnumerable<(int Pid, int Parent, string CommandLine)> All()
    {
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string stat, commandLine;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
                commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').TrimEnd();
            }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After the name: state, ppid. A zombie is already dead, only not yet reaped by its parent.
            if (fields[0] == "Z") continue;
            yield return (pid, int.Parse(fields[1]), commandLine);
        }
    }
}
