using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.AppHost.Hosting.Processes;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The AppHost as a person runs it (`./platform up`): its own process, its console, Ctrl+C. A run after a SIGKILLed one
/// finds the data of the first and nothing of it still running; Ctrl+C leaves no process behind, DCP's included.
/// </summary>
[Collection(AppHostProcessCollection.Name)]
public sealed class AppHostProcessTests
{
    // A start that has not finished in this time fails the test with the AppHost's console, well before the run's hang
    // guard (--blame-hang-timeout 10m) would abort every test left; it takes 1-3 minutes on a busy two-core machine.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    /// <summary>Run beside the disturbing tests when this run has them (<see cref="AppHostAlongside"/>); reported here.</summary>
    [Fact]
    public Task After_SIGKILL_the_next_run_reuses_the_data_and_nothing_of_the_first_runs_and_Ctrl_C_leaves_no_process() =>
        AppHostAlongside.OutcomeAsync();

    /// <summary>
    /// The test's body. It may run outside the test (beside others), so it takes no test's cancellation: every wait in it
    /// has its own limit.
    /// </summary>
    internal static async Task SigkillThenCtrlCScenarioAsync()
    {
        var cancel = CancellationToken.None;
        var data = Path.Combine(PlatformFixture.TestRunsDirectory, "process-" + Guid.NewGuid().ToString("N")[..8]);
        var email = Addresses.Unique("kept");

        IReadOnlyList<int> firstRun;
        await using (var first = await AppHostRun.StartAsync(data))
        {
            Assert.Contains(first.Output, l => l.StartsWith("gateway-staff-password: ", StringComparison.Ordinal));
            using var gateway = new HttpClient { BaseAddress = first.Gateway };
            using var response = await gateway.PostAsJsonAsync("/api/notifications/subscriptions",
                new { email, topics = new[] { "news" }, frequency = "daily" }, cancel);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            firstRun = first.PlatformProcesses();
            Assert.True(firstRun.Count >= 9, $"expected DCP, the servers and every project, saw {firstRun.Count}");

            first.Kill();
        }

        await using (var second = await AppHostRun.StartAsync(data))
        {
            // The first run's servers held the data folder; the second could only start once they were gone.
            Assert.Empty(ProcessTable.Alive(firstRun));
            Assert.DoesNotContain(second.Output, l => l.StartsWith("gateway-staff-password: ", StringComparison.Ordinal));
            await using var connection = new NpgsqlConnection(second.ConnectionString("notificationsdb"));
            await connection.OpenAsync(cancel);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM subscriber WHERE normalized_email = @e", connection);
            command.Parameters.AddWithValue("e", email.ToLowerInvariant());
            Assert.Equal(1L, await command.ExecuteScalarAsync(cancel));

            // A server that crashes says so on the console, with what to do.
            var sink = Assert.Single(ProcessTable.WithCommandLine(Path.Combine(data, "mail", "Maildir")), p => ProcessTable.CommandLineOf(p).Contains("aiosmtpd", StringComparison.Ordinal));
            Process.GetProcessById(sink).Kill();
            var crashLine = await second.WaitForLineAsync(l => l.Contains(" mail ", StringComparison.Ordinal) && l.Contains("(exit code ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            Assert.Contains("its console log is in the dashboard; what waits for it keeps waiting until it is started again", crashLine);

            var running = second.PlatformProcesses();
            Assert.Equal(0, await second.InterruptAsync());
            // DCP stops what it ran in parallel after the AppHost exits; on a loaded machine the last (RabbitMQ flushing
            // its queues) can take a while: wait for every one to end, not for a fixed moment.
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (ProcessTable.Alive(running).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(250, cancel);
            Assert.Empty(ProcessTable.Alive(running).Select(p => $"{p}: {ProcessTable.CommandLineOf(p)}"));
            Assert.Empty(ProcessTable.WithDataFolder(data));
            // PostgreSQL stopped cleanly: the next start needs no crash recovery.
            Assert.EndsWith("shut down", PostgresState(data));
        }
    }

    [Fact]
    public async Task Newer_data_a_data_folder_in_use_and_a_port_in_use_each_end_the_run_with_one_sentence_and_no_stack_trace()
    {
        var newer = Path.Combine(PlatformFixture.TestRunsDirectory, "newer-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(newer);
        File.WriteAllText(Path.Combine(newer, "data-version"), "99\n");
        var inUse = Path.Combine(PlatformFixture.TestRunsDirectory, "in-use-" + Guid.NewGuid().ToString("N")[..8]);
        using var otherAppHost = new Platform.AppHost.Hosting.DataFolderLock(inUse);
        otherAppHost.Take();
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, FreePort.Next());
        taken.Start();
        var takenPort = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        try
        {
            await AssertEndsWithOneSentence(["--data", newer], "was written by a newer version of the platform");
            Assert.Equal("99\n", File.ReadAllText(Path.Combine(newer, "data-version")));
            await AssertEndsWithOneSentence(["--data", inUse], "Another AppHost is already running on");
            await AssertEndsWithOneSentence(["--data", Path.Combine(inUse, "other"), "--gateway-port", takenPort.ToString()], $"Port {takenPort} (gateway) is already in use");
        }
        finally
        {
            Directory.Delete(newer, recursive: true);
            otherAppHost.Dispose();
            Directory.Delete(inUse, recursive: true);
        }
    }

    /// <summary>Runs the AppHost as `./platform up` does; it must exit 1 with the sentence as its last line and no stack trace.</summary>
    private static async Task AssertEndsWithOneSentence(string[] arguments, string expected)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var argument in new[] { AppHostRun.AppHostDll, "--throwaway-data", "true", "--dashboard-url", $"http://127.0.0.1:{FreePort.Next()}" }.Concat(arguments))
            info.ArgumentList.Add(argument);
        if (!arguments.Contains("--gateway-port")) { info.ArgumentList.Add("--gateway-port"); info.ArgumentList.Add(FreePort.Next().ToString()); }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        var everything = await output + await errors;
        var errorLines = (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(process.ExitCode == 1, $"exit code {process.ExitCode}:\n{everything}");
        Assert.Contains(expected, Assert.Single(errorLines));
        Assert.DoesNotContain("   at ", everything);
        Assert.DoesNotContain("Exception", everything);
    }

    /// <summary>pg_controldata's "Database cluster state" of the run's cluster.</summary>
    private static string PostgresState(string data)
    {
        var info = new ProcessStartInfo("/usr/bin/setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--",
            "/usr/lib/postgresql/15/bin/pg_controldata", Path.Combine(data, "postgres", "data")])
        { RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Split('\n').FirstOrDefault(l => l.StartsWith("Database cluster state:", StringComparison.Ordinal)) ?? "";
    }

    /// <summary>`dotnet AppHost.dll` on its own ports and data folder, with its console captured.</summary>
    private sealed class AppHostRun : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly List<string> _output = [];
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly string _data;

        private AppHostRun(Process process, string data, Uri gateway)
        {
            _process = process;
            _data = data;
            Gateway = gateway;
        }

        public Uri Gateway { get; }
        public IReadOnlyList<string> Output { get { lock (_output) return [.. _output]; } }

        public static async Task<AppHostRun> StartAsync(string data)
        {
            var gateway = new Uri($"http://127.0.0.1:{FreePort.Next()}");
            // Ctrl+C as a terminal sends it reaches a foreground command, whose SIGINT is at its default. A suite started
            // in the background (`.ci/run &`, nohup) passes an ignored SIGINT down to every child, and a process started
            // with SIGINT ignored rightly keeps ignoring it: env puts it back to the default, as an interactive shell does.
            var info = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
            foreach (var argument in new[] { "--default-signal=INT", "dotnet", AppHostDll, "--data", data, "--throwaway-data", "true",
                "--dashboard-url", $"http://127.0.0.1:{FreePort.Next()}", "--gateway-port", gateway.Port.ToString() })
                info.ArgumentList.Add(argument);
            var process = Process.Start(info)!;
            var run = new AppHostRun(process, data, gateway);
            process.OutputDataReceived += (_, e) => run.Record(e.Data);
            process.ErrorDataReceived += (_, e) => run.Record(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            // Whatever happens to this test process, the AppHost it started goes with it.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { process.Kill(); } catch (InvalidOperationException) { } };
            try
            {
                await Task.WhenAny(run._ready.Task, process.WaitForExitAsync()).WaitAsync(StartTimeout);
                Assert.True(run._ready.Task.IsCompleted, "the AppHost did not report everything healthy:\n" + string.Join('\n', run.Output.TakeLast(40)));
                Assert.Contains(run.Output, l => l.Contains($"Gateway:   {gateway.ToString().TrimEnd('/')}", StringComparison.Ordinal));
                Assert.Contains(run.Output, l => l.StartsWith("Dashboard: ", StringComparison.Ordinal) && l.Contains("/login?t=", StringComparison.Ordinal));
            }
            catch
            {
                await run.DisposeAsync();
                throw;
            }
            return run;
        }

        /// <summary>The AppHost's own build output, as `./platform up` runs it.</summary>
        internal static string AppHostDll => Path.Combine(
            Directory.Exists(Projects.AppHost.ProjectPath) ? Projects.AppHost.ProjectPath : Path.GetDirectoryName(Projects.AppHost.ProjectPath)!, "bin", AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug", "net10.0", "AppHost.dll");

        private void Record(string? line)
        {
            if (line is null) return;
            lock (_output) _output.Add(line);
            if (line.Contains("Press Ctrl+C to stop.", StringComparison.Ordinal)) _ready.TrySetResult();
        }

        /// <summary>DCP (started for this AppHost, detached from it) and everything it runs.</summary>
        public IReadOnlyList<int> PlatformProcesses()
        {
            var dcp = ProcessTable.WithCommandLine($"--monitor {_process.Id} ");
            return [.. dcp, .. dcp.SelectMany(ProcessTable.Descendants)];
        }

        public string ConnectionString(string database)
        {
            // The server's port is on its command line; the password is the data folder's generated parameter.
            var postgres = ProcessTable.CommandLines().Single(c => c.StartsWith("/usr/lib/postgresql/15/bin/postgres -D " + _data, StringComparison.Ordinal)).Split(' ');
            var port = postgres[Array.IndexOf(postgres, "-p") + 1];
            var secrets = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(_data, "secrets.json")))!;
            return $"Host=127.0.0.1;Port={port};Username=postgres;Password={secrets["postgres-password"]};Database={database};Pooling=false";
        }

        public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (Output.FirstOrDefault(match) is { } line) return line;
                await Task.Delay(200);
            }
            Assert.Fail("no such line on the AppHost's console:\n" + string.Join('\n', Output.TakeLast(20)));
            return "";
        }

        public void Kill() => _process.Kill();

        /// <summary>Ctrl+C, as a terminal sends it; returns the exit code.</summary>
        public async Task<int> InterruptAsync()
        {
            using (var kill = Process.Start("/bin/kill", ["-INT", _process.Id.ToString()])) await kill.WaitForExitAsync();
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
            }
            catch (TimeoutException)
            {
                throw new TimeoutException("the AppHost did not end within 90 s of Ctrl+C; its console's last lines:\n" + string.Join('\n', Output.TakeLast(30)));
            }

            // DCP is detached from the AppHost: give it the moment it takes to stop what it ran after the AppHost is gone.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline && ProcessTable.WithCommandLine($"--monitor {_process.Id} ").Count > 0) await Task.Delay(200);
            return _process.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            // A test that failed midway leaves its AppHost running: stop it, and if it will not stop, end it, without an
            // exception of our own hiding the test's.
            if (!_process.HasExited)
            {
                try
                {
                    await InterruptAsync();
                }
                catch (TimeoutException)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }

            _process.Dispose();
        }
    }
}
