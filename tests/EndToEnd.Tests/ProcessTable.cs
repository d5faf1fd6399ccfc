namespace Platform.EndToEnd.Tests;

/// <summary>Reads /proc, the ground truth for "is anything of ours still running".</summary>
internal static class ProcessTable
{
    public static IReadOnlyList<int> InGroup(int groupId) => InGroups([groupId]);

    public static IReadOnlyList<int> InGroups(IReadOnlyCollection<int> groupIds) =>
        All().Where(p => groupIds.Contains(p.Group)).Select(p => p.Pid).ToList();

    /// <summary>Processes whose command line mentions the folder (a server started on that data).</summary>
    public static IReadOnlyList<int> WithDataFolder(string folder) =>
        All().Where(p => p.CommandLine.Contains(folder, StringComparison.Ordinal)).Select(p => p.Pid).ToList();

    private static IEnumerable<(int Pid, int Group, string CommandLine)> All()
    {
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string stat, commandLine;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
                commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After the name: state, ppid, pgrp. A zombie is already dead, only not yet reaped by its parent.
            if (fields[0] == "Z") continue;
            yield return (pid, int.Parse(fields[2]), commandLine);
        }
    }
}
