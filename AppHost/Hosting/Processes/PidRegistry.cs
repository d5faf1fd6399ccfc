using System.Globalization;

namespace Platform.AppHost.Hosting.Processes;

/// <summary>
/// One file per running child group under {data}/run, so that a run after a crash (or a SIGKILLed AppHost) can find
/// and end what the previous run left behind. The process start time guards against a recycled pid.
/// </summary>
public sealed class PidRegistry(string directory)
{
    public string Directory { get; } = directory;

    public void Record(string name, int groupId)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(PathOf(name), $"{groupId} {StartTicks(groupId)}");
    }

    public void Forget(string name)
    {
        try { File.Delete(PathOf(name)); } catch (IOException) { }
    }

    /// <summary>Kills every group recorded by an earlier run that is still alive. Returns the names it had to end.</summary>
    public IReadOnlyList<string> KillStale()
    {
        var ended = new List<string>();
        if (!System.IO.Directory.Exists(Directory)) return ended;
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.pid"))
        {
            string[] parts;
            // A child that exits right now forgets its own file: nothing left to end then.
            try { parts = File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries); }
            catch (FileNotFoundException) { continue; }
            if (parts.Length >= 1 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var groupId))
            {
                var recordedStart = parts.Length > 1 ? parts[1] : "";
                var leaderStart = StartTicks(groupId);
                // The leader may be gone while its children (an Erlang VM, a postgres backend) live on in the group;
                // a leader with another start time is a recycled pid that is not ours.
                if (Signals.GroupAlive(groupId) && (leaderStart == recordedStart || leaderStart == ""))
                {
                    Signals.SendToGroup(groupId, Signals.SIGKILL);
                    ended.Add(System.IO.Path.GetFileNameWithoutExtension(file));
                }
            }
            try { File.Delete(file); } catch (IOException) { }
        }
        return ended;
    }

    private string PathOf(string name) => System.IO.Path.Combine(Directory, name + ".pid");

    /// <summary>Field 22 of /proc/pid/stat: start time since boot, stable for the life of the process.</summary>
    internal static string StartTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return afterName[19];
        }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }
}
