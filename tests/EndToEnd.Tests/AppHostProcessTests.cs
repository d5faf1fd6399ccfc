using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.AppHost.Hosting.Processes;
using Platform.AppHost.Hosting.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The AppHost as a person runs it (`./platform up`): its own process, its console, Ctrl+C. A second run on the same
/// data folder finds the data of the first.
/// </summary>
public sealed class AppHostProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Ctrl_C_leaves_no_process_behind_and_the_next_run_reuses_the_data()
    {
        var data = Path.Combine(DistributedApplicationTestingBuilder.TestRunsDirectory, "process-" + Guid.NewGuid().ToString("N")[..8]);
        var email = Addresses.Unique("kept");

        await using (var first = await AppHostRun.StartAsync(data))
        {
            using var gateway = new HttpClient { BaseAddress = first.Gateway };
            using var response = await gateway.PostAsJsonAsync("/api/notifications/subscriptions",
                new { email, topics = new[] { "news" }, frequency = "daily" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var groups = await first.ProcessGroupsAsync();
            Assert.True(groups.Count >= 8, $"expected every server and project to run, saw {groups.Count}");

            var exitCode = await first.InterruptAsync();

            Assert.Equal(0, exitCode);
            Assert.Contains(first.Output, l => l.Contains("no process of the platform is left running", StringComparison.Ordinal));
            Assert.Empty(ProcessTable.InGroups(groups));
            Assert.Empty(ProcessTable.WithDataFolder(data));
        }

        await using var second = await AppHostRun.StartAsync(data);
        var connectionString = await second.ConnectionStringAsync("notificationsdb");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM subscriber WHERE normalized_email = @e", connection);
        command.Parameters.AddWithValue("e", email.ToLowerInvariant());
        Assert.Equal(1L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await second.InterruptAsync());
    }

    /// <summary>`dotnet AppHost.dll` on its own ports and data folder, with its console captured.</summary>
    private sealed class AppHostRun : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly List<string> _output = [];
        private readonly TaskCompletionSource _healthy = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private AppHostRun(Process process, Uri dashboard, Uri gateway)
        {
            _process = process;
            Dashboard = dashboard;
            Gateway = gateway;
        }

        public Uri Dashboard { get; }
        public Uri Gateway { get; }
        public IReadOnlyList<string> Output { get { lock (_output) return [.. _output]; } }

        public static async Task<AppHostRun> StartAsync(string data)
        {
            var dashboard = new Uri($"http://127.0.0.1:{FreePort.Next()}");
            var gateway = new Uri($"http://127.0.0.1:{FreePort.Next()}");
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            foreach (var argument in new[] { typeof(Program).Assembly.Location, "--data", data, "--dashboard-url", dashboard.ToString(), "--gateway-port", gateway.Port.ToString() })
                info.ArgumentList.Add(argument);
            var process = Process.Start(info)!;
            var run = new AppHostRun(process, dashboard, gateway);
            process.OutputDataReceived += (_, e) => run.Record(e.Data);
            process.ErrorDataReceived += (_, e) => run.Record(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            // Whatever happens to this test process, the AppHost it started goes with it.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { process.Kill(); } catch (InvalidOperationException) { } };
            try
            {
                await run.WaitUntilStartedAsync();
            }
            catch
            {
                await run.DisposeAsync();
                throw;
            }
            return run;
        }

        private async Task WaitUntilStartedAsync()
        {
            var run = this;
            var gateway = Gateway;
            await Task.WhenAny(run._healthy.Task, _process.WaitForExitAsync()).WaitAsync(StartTimeout);
            Assert.True(run._healthy.Task.IsCompleted && run.Output.Any(l => l.Contains("Running and Healthy in", StringComparison.Ordinal)),
                "the AppHost did not report everything healthy:\n" + string.Join('\n', run.Output.TakeLast(40)));
            Assert.Contains(run.Output, l => l.Contains($"Gateway:   {gateway.ToString().TrimEnd('/')}", StringComparison.Ordinal));
            Assert.Contains(run.Output, l => l.StartsWith("Dashboard: ", StringComparison.Ordinal));
        }

        private void Record(string? line)
        {
            if (line is null) return;
            lock (_output) _output.Add(line);
            // The last line of the start-up report, after the table of what runs where.
            if (line.Contains("Press Ctrl+C to stop.", StringComparison.Ordinal)) _healthy.TrySetResult();
        }

        public async Task<IReadOnlyList<int>> ProcessGroupsAsync()
        {
            using var http = new HttpClient { BaseAddress = Dashboard };
            var resources = await http.GetFromJsonAsync<JsonElement>("/api/resources", TestContext.Current.CancellationToken);
            return resources.EnumerateArray()
                .Where(r => r.GetProperty("pid").ValueKind == JsonValueKind.Number)
                .Select(r => r.GetProperty("pid").GetInt32())
                .ToList();
        }

        public async Task<string> ConnectionStringAsync(string database)
        {
            // The dashboard does not show credentials; they are in the data folder's secret store, as the AppHost keeps them.
            using var http = new HttpClient { BaseAddress = Dashboard };
            var resource = await http.GetFromJsonAsync<JsonElement>($"/api/resources/{database}", TestContext.Current.CancellationToken);
            var url = new Uri(resource.GetProperty("urls")[0].GetString()!);
            var secrets = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(
                Path.Combine(DataFolderOf(), "secrets.json"), TestContext.Current.CancellationToken))!;
            return $"Host=127.0.0.1;Port={url.Port};Username=postgres;Password={secrets["postgres-password"]};Database={database}";
        }

        private string DataFolderOf() => _process.StartInfo.ArgumentList[_process.StartInfo.ArgumentList.IndexOf("--data") + 1];

        /// <summary>Ctrl+C, as a terminal sends it; returns the exit code.</summary>
        public async Task<int> InterruptAsync()
        {
            using (var kill = Process.Start("/bin/kill", ["-INT", _process.Id.ToString()])) await kill.WaitForExitAsync();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return _process.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                await InterruptAsync();
            }
            _process.Dispose();
        }
    }
}
