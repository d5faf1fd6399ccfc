using System.Globalization;

namespace Platform.Deploy;

/// <summary>What the app model does not say about a cluster: the public host name, where the images are, how many gateways.</summary>
internal sealed record DeploySettings(string Host, string Registry, string Tag, int GatewayReplicas)
{
    public static readonly DeploySettings Default = new("platform.example.org", "registry.example.org/platform", "latest", 2);

    public static DeploySettings From(IReadOnlyList<string> args)
    {
        var settings = Default;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            settings = args[i] switch
            {
                "--host" => settings with { Host = args[i + 1] },
                "--registry" => settings with { Registry = args[i + 1].TrimEnd('/') },
                "--tag" => settings with { Tag = args[i + 1] },
                "--gateway-replicas" => settings with { GatewayReplicas = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                var other => throw new ArgumentException($"Unknown option {other}."),
            };
        }

        return settings;
    }
}
