// YARP as a plain reverse proxy and nothing else (no identity, limits, telemetry or logging): what the library
// itself costs on this machine, so bench gateway-overhead can tell YARP's share of the gateway's cost from ours.
// Usage: BareProxy <upstream url> <port>
using Yarp.ReverseProxy.Configuration;

if (args.Length != 2 || !Uri.TryCreate(args[0], UriKind.Absolute, out var upstream) || !int.TryParse(args[1], out var port))
{
    Console.Error.WriteLine("Usage: BareProxy <upstream url> <port>");
    return 2;
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "all", ClusterId = "upstream", Match = new RouteMatch { Path = "{**rest}" } }],
    [new ClusterConfig
    {
        ClusterId = "upstream",
        Destinations = new Dictionary<string, DestinationConfig> { ["upstream"] = new() { Address = upstream.ToString() } },
    }]);

var app = builder.Build();
app.MapReverseProxy();
await app.RunAsync();
return 0;
