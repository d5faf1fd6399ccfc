namespace Platform.AppHost.Hosting;

/// <summary>How this AppHost run is set up; the command line and the testing builder fill it in.</summary>
public sealed class HostingOptions
{
    /// <summary>Where every resource keeps its data, kept across runs like a container's volume.</summary>
    public required string DataDirectory { get; set; }

    /// <summary>The repository root (where Platform.sln is): project paths and the default data folder hang off it.</summary>
    public required string RepositoryRoot { get; set; }

    /// <summary>Wipe the data folder before starting.</summary>
    public bool Fresh { get; set; }

    /// <summary>Dashboard URL; null turns the dashboard off (tests that don't need it).</summary>
    public Uri? DashboardUrl { get; set; } = new("http://127.0.0.1:18888");

    /// <summary>Ignore fixed ports declared in the model and take free ones (tests run beside a developer's platform).</summary>
    public bool RandomizePorts { get; set; }

    /// <summary>Faster, non-durable settings for throwaway data (PostgreSQL fsync off). Never for the developer's platform.</summary>
    public bool Ephemeral { get; set; }

    public string EnvironmentName { get; set; } = "Development";

    /// <summary>How long a resource may take from Starting to Healthy before it is reported as failed.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Print progress and the summary table to the console.</summary>
    public bool ConsoleOutput { get; set; } = true;

    /// <summary>
    /// Extra settings for one project, by resource name, applied last (a test platform's short hold periods or a
    /// moveable clock; a bench run's raised limits). Like Aspire's WithEnvironment, but from outside the app model.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> ProjectEnvironment { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sets one project's setting (e.g. <c>("events", "Waitlist__HoldPeriod", "00:00:05")</c>).</summary>
    public HostingOptions WithProjectEnvironment(string resource, string key, string value)
    {
        if (!ProjectEnvironment.TryGetValue(resource, out var settings)) ProjectEnvironment[resource] = settings = [];
        settings[key] = value;
        return this;
    }
}
