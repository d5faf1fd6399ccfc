using System.Globalization;

namespace Platform.Bench;

/// <summary>
/// What else the machine was doing: the figures are ratios measured side by side because the machine is shared, and
/// each is printed beside the load averages from /proc/loadavg so a reader can tell a quiet run from a busy one.
/// </summary>
public sealed record MachineLoad(int ProcessorCount, double Load1, double Load5, double Load15)
{
    public static MachineLoad Now()
    {
        var fields = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ') : ["0", "0", "0"];
        double At(int i) => double.Parse(fields[i], CultureInfo.InvariantCulture);
        return new MachineLoad(Environment.ProcessorCount, At(0), At(1), At(2));
    }
}
