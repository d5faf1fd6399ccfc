using System.Text.Json;
using Platform.Bench;
using Platform.Bench.Scenarios;

// Named scenarios against a running platform (./platform up); each prints one JSON document on stdout.
var options = BenchOptions.Parse(args);
var scenarios = new Dictionary<string, IScenario>(StringComparer.OrdinalIgnoreCase)
{
    ["gateway-overhead"] = new GatewayOverhead(),
    ["registration-rush"] = new RegistrationRush(),
    ["role-search"] = new RoleSearch(),
    ["news-fanout"] = new NewsFanout(),
    // Kills Notifications mid-fan-out: never part of a run of every scenario.
    ["fanout-kill"] = new FanOutKill(),
    ["site"] = new SiteVisitors(),
    // One target's steady load while a profiler records; never part of a run of every scenario.
    ["load"] = new SteadyLoad(),
};

var json = new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
// Every scenario on a platform of the bench's own (BenchAll).
if (options.Scenarios is ["all"]) return await BenchAll.RunAsync(options, scenarios, json);

var names = options.Scenarios.Count > 0 ? options.Scenarios : [.. scenarios.Keys.Where(name => name is not ("load" or "fanout-kill"))];
foreach (var name in names)
{
    if (!scenarios.TryGetValue(name, out var scenario))
    {
        Console.Error.WriteLine($"Unknown scenario '{name}'. Known: {string.Join(", ", scenarios.Keys)}");
        return 2;
    }
    var result = await scenario.RunAsync(options);
    Console.WriteLine(JsonSerializer.Serialize(result, json));
}
return 0;
