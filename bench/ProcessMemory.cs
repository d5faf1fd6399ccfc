using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Bench;

/// <summary>A process's resident memory from /proc, and which process listens on a loopback port (from /proc/net/tcp).</summary>
public static partial class ProcessMemory
{
    public static int? ListeningProcess(int port)
    {
        var inodes = new HashSet<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // local_address is ADDR:PORT in hex; state 0A is LISTEN.
                if (fields.Length > 9 && fields[3] == "0A" && int.Parse(fields[1].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
                    inodes.Add(fields[9]);
            }
        }

        if (inodes.Count == 0) return null;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid)) continue;
            try
            {
                foreach (var fd in Directory.EnumerateFiles(Path.Combine(folder, "fd")))
                {
                    var target = new FileInfo(fd).LinkTarget;
                    if (target is not null && SocketInode().Match(target) is { Success: true } m && inodes.Contains(m.Groups[1].Value)) return pid;
                }
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException) { }
        }

        return null;
    }

    public static double? ResidentMegabytes(int? pid)
    {
        if (pid is null) return null;
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            if (line is null) return null;
            var kilobytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            return Math.Round(kilobytes / 1024.0, 1);
        }
        catch (IOException) { return null; }
    }

    [GeneratedRegex(@"^socket:\[(\d+)\]$")]
    private static partial Regex SocketInode();
}
