using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Platform.Bench;

/// <summary>The short table of a bench all run (Markdown, for the README): each goal's two sides, the ratio, the load.</summary>
public static class BenchTable
{
    public static string Render(JsonElement report)
    {
        var text = new StringBuilder();
        var machine = report.GetProperty("machine");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"bench all, {report.GetProperty("startedAt").GetDateTimeOffset():yyyy-MM-dd HH:mm} UTC, commit {report.GetProperty("commit").GetString()}, {machine.GetProperty("processorCount").GetInt32()} cores ({machine.GetProperty("host").GetString()}), Release");
        text.AppendLine();
        text.AppendLine("| Scenario | Ours | Yardstick | Ratio (goal) | p99 | Met | Load 1 min |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        var scenarios = report.GetProperty("scenarios");
        foreach (var scenario in scenarios.EnumerateObject())
        {
            var s = scenario.Value;
            if (s.TryGetProperty("error", out var error))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {scenario.Name} | failed: {error.GetString()} | | | | no | |");
                continue;
            }

            var load = s.TryGetProperty("loadBefore", out var l) ? l.GetProperty("load1").GetDouble().ToString("F1", CultureInfo.InvariantCulture) : "";
            switch (scenario.Name)
            {
                case "gateway-overhead":
                    var bare = s.GetProperty("bareYarp");
                    foreach (var (label, side, ratio) in new[] { ("anonymous", "gatewayAnonymous", "anonymousVersusBareYarp"), ("partner key", "gatewayPartnerKey", "partnerKeyVersusBareYarp") })
                    {
                        var ours = s.GetProperty(side);
                        var r = s.GetProperty(ratio);
                        text.AppendLine(CultureInfo.InvariantCulture,
                            $"| gateway, {label} | {N(ours, "requestsPerSecond")} req/s | bare YARP {N(bare, "requestsPerSecond")} req/s | {N(r, "throughput")} (≥ 0.85) | {N(ours, "p99Ms")} vs {N(bare, "p99Ms")} ms: {N(r, "p99")}× (≤ 1.25) | {YesNo(r)} | {load} |");
                    }

                    break;
                case "registration-rush":
                    var rush = s.GetProperty("registrations");
                    var pg = s.GetProperty("pgbench");
                    var rr = s.GetProperty("versusPgbench");
                    var mail = s.GetProperty("confirmationEmail");
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"| registration-rush ({s.GetProperty("inFlight").GetInt32()} in flight) | {N(rush, "registrationsPerSecond")} reg/s | pgbench, a registration's SQL: {N(pg, "tps")} tps | {N(rr, "ratio")} (≥ 0.35) | {N(rush, "p99Ms")} ms (≤ 250); email p50/p95 {N(mail, "p50Ms")}/{N(mail, "p95Ms")} ms (p95 ≤ 2000) | {YesNo(rr)} | {load} |");
                    break;
                case var fanout when fanout.StartsWith("news-fanout", StringComparison.Ordinal):
                    var f = s.GetProperty("fanOut");
                    var c = s.GetProperty("mailKitCeiling");
                    var fr = s.GetProperty("fanOutOverCeiling");
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"| news-fanout, {s.GetProperty("subscribers").GetInt32():N0} | {N(f, "emailsPerSecond")} emails/s, last after {N(f, "secondsToLastDelivery")} s | MailKit into smtp-sink {N(c, "emailsPerSecond")} emails/s | {N(fr, "ratio")} (≥ 0.7) | exactly once: {(s.GetProperty("exactlyOnce").GetProperty("ok").GetBoolean() ? "yes" : "NO")} | {YesNo(fr)} | {load} |");
                    break;
                case "role-search":
                    var search = s.GetProperty("search");
                    var spg = s.GetProperty("pgbench");
                    var sr = s.GetProperty("versusPgbench");
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"| role-search ({s.GetProperty("concurrency").GetInt32()} at once) | {N(search, "requestsPerSecond")} req/s | pgbench, the same SQL: {N(spg, "tps")} tps | {N(sr, "ratio")} (≥ 0.5) | {N(search, "p99Ms")} ms (≤ 50) | {YesNo(sr)} | {load} |");
                    break;
            }
        }

        text.AppendLine();
        text.AppendLine("| Resident memory (MB) | " + string.Join(" | ", BenchPlatform.Services) + " |");
        text.AppendLine("| --- |" + string.Concat(Enumerable.Repeat(" --- |", BenchPlatform.Services.Length)));
        foreach (var moment in report.GetProperty("memoryMegabytes").EnumerateObject())
            text.AppendLine($"| {moment.Name} | " + string.Join(" | ", BenchPlatform.Services.Select(service =>
                moment.Value.TryGetProperty(service, out var mb) && mb.ValueKind == JsonValueKind.Number ? mb.GetDouble().ToString("F0", CultureInfo.InvariantCulture) : "?")) + " |");
        return text.ToString();
    }

    private static string N(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble().ToString("0.###", CultureInfo.InvariantCulture)
            : "?";

    private static string YesNo(JsonElement ratio) => ratio.TryGetProperty("met", out var met) && met.GetBoolean() ? "yes" : "no";
}
