using System.Runtime.InteropServices;

namespace Platform.AppHost.Hosting.Processes;

/// <summary>.NET can only SIGKILL a process; graceful shutdown of the servers needs SIGTERM/SIGINT, so call libc.</summary>
internal static partial class Signals
{
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>Signals every process in the group led by <paramref name="groupId"/>. False when no such group is left.</summary>
    public static bool SendToGroup(int groupId, int signal) => groupId > 1 && Kill(-groupId, signal) == 0;

    /// <summary>True while any process of the group is alive (signal 0 only checks).</summary>
    public static bool GroupAlive(int groupId) => groupId > 1 && Kill(-groupId, 0) == 0;
}
