using System.Reflection;

namespace Platform.AppHost.Hosting.Testing;

/// <summary>
/// Builds the AppHost's real app model for a test: random ports, a throwaway data folder, no fixed gateway port, so a
/// test run never disturbs a developer's platform. The caller starts, uses and disposes the returned app.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    /// <summary>Parent of every test run's data folder; leftovers of crashed runs are cleaned from here.</summary>
    public static string TestRunsDirectory { get; } = Path.Combine(Path.GetTempPath(), "platform-test-runs");

    public static async Task<DistributedApplication> CreateAsync<TEntryPoint>(Action<HostingOptions>? configure = null, params string[] args)
        where TEntryPoint : class
    {
        var options = CreateOptions();
        configure?.Invoke(options);
        var hook = new TestingHook(options);
        var entryPoint = typeof(TEntryPoint).Assembly.EntryPoint
            ?? throw new InvalidOperationException($"{typeof(TEntryPoint).Assembly.GetName().Name} has no entry point.");
        _ = Task.Run(() =>
        {
            TestingHook.Set(hook);
            try
            {
                var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : [args]);
                if (result is Task task) task.GetAwaiter().GetResult();
                hook.OnFailed(new InvalidOperationException("The AppHost's entry point returned without building an app."));
            }
            catch (TargetInvocationException e) when (e.InnerException is TestingHook.EntryPointCompleted) { }
            catch (TestingHook.EntryPointCompleted) { }
            catch (Exception e) { hook.OnFailed(e.InnerException ?? e); }
        });
        return await hook.Built.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Builds an app model of the test's own (e.g. a resource meant to fail) with the same test options.</summary>
    public static DistributedApplicationBuilder CreateBuilder(Action<HostingOptions>? configure = null)
    {
        var options = CreateOptions();
        configure?.Invoke(options);
        return new DistributedApplicationBuilder([], options);
    }

    private static HostingOptions CreateOptions()
    {
        CleanLeftovers();
        var data = Path.Combine(TestRunsDirectory, $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..24]);
        return new HostingOptions
        {
            RepositoryRoot = HostingOptionsFactory.FindRepositoryRoot(),
            DataDirectory = data,
            DashboardUrl = null,
            RandomizePorts = true,
            Ephemeral = true,
            ConsoleOutput = false,
            EnvironmentName = "Development",
        };
    }

    /// <summary>Ends processes of earlier test runs that crashed, and removes their folders.</summary>
    private static void CleanLeftovers()
    {
        if (!Directory.Exists(TestRunsDirectory)) return;
        foreach (var run in Directory.GetDirectories(TestRunsDirectory))
        {
            if (IsLiveRun(run)) continue;
            new Processes.PidRegistry(Path.Combine(run, "run")).KillStale();
            try { Directory.Delete(run, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>A run whose owning test process is still alive (another test run going on beside this one).</summary>
    private static bool IsLiveRun(string run)
    {
        var owner = Path.Combine(run, "owner.pid");
        return File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out var pid) && Directory.Exists($"/proc/{pid}");
    }
}
