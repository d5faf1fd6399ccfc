using System.Text.RegularExpressions;

namespace Platform.Bench;

/// <summary>
/// Where the running platform's parts listen, read from the gateway process's own environment (the process listening
/// on the gateway's port): the AppHost gives it every service's address (services__{name}__http__0) and its database's
/// connection string, whose server holds every service's database. The dashboard's API needs a key the AppHost makes
/// afresh each run, so it is not asked.
/// </summary>
public static partial class PlatformResources
{
    public static Uri ServiceUrl(BenchOptions options, string service) => ServiceUrl(options.Gateway, service);

    public static Uri ServiceUrl(Uri gateway, string service) => new(Environment(gateway)[$"services__{service}__http__0"]);

    public static int PostgresPort(BenchOptions options) =>
        int.Parse(PortSetting().Match(Environment(options.Gateway)["ConnectionStrings__gatewaydb"]).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Environment(Uri gateway)
    {
        var pid = ProcessMemory.ListeningProcess(gateway.Port)
            ?? throw new InvalidOperationException($"Nothing listens on {gateway}: start the platform first (./platform up --release).");
        return File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2)).Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0]).ToDictionary(g => g.Key, g => g.First()[1]);
    }

    [GeneratedRegex(@"Port=(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex PortSetting();
}
