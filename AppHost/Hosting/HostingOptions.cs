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
}
