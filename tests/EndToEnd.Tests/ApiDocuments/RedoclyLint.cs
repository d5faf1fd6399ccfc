using System.Diagnostics;
using System.Text.Json;
using Platform.AppHost.Hosting;

namespace Platform.EndToEnd.Tests.ApiDocuments;

/// <summary>
/// Redocly's OpenAPI linter with its recommended ruleset, from tools/openapi-lint (its package-lock.json pins the
/// version; ./platform test installs it there when node_modules is missing).
/// </summary>
internal static class RedoclyLint
{
    public sealed record Problem(string Rule, string Severity, string Message, string Where);

    private static string ToolFolder => Path.Combine(DataFolder.RepositoryRoot(AppContext.BaseDirectory), "tools", "openapi-lint");

    public static async Task<IReadOnlyList<Problem>> LintAsync(string documentJson, CancellationToken cancellationToken)
    {
        var cli = Path.Combine(ToolFolder, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"Redocly CLI is not installed: run 'npm ci --prefix {ToolFolder}' (./platform test does).");

        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, documentJson, cancellationToken);
        try
        {
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = ToolFolder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                // No network: no telemetry, no update check.
                Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" },
            };
            foreach (var arg in new[] { cli, "lint", "--config", Path.Combine(ToolFolder, "redocly.yaml"), "--format", "json", file })
                start.ArgumentList.Add(arg);

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var json = await output;
            Assert.True(json.TrimStart().StartsWith('{'), $"redocly lint printed no report (exit {process.ExitCode}): {json} {await errors}");
            return JsonDocument.Parse(json).RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => new Problem(
                    p.GetProperty("ruleId").GetString()!,
                    p.GetProperty("severity").GetString()!,
                    p.GetProperty("message").GetString()!,
                    string.Join(", ", p.GetProperty("location").EnumerateArray()
                        .Select(l => l.TryGetProperty("pointer", out var pointer) ? pointer.GetString() : null))))
                .ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
