namespace Platform.AppHost.Hosting;

/// <summary>Options for a developer's run: data under {repo}/.platform, well-known ports, --fresh to wipe.</summary>
internal static class HostingOptionsFactory
{
    public static HostingOptions FromArgs(string[] args)
    {
        var root = FindRepositoryRoot();
        var options = new HostingOptions
        {
            RepositoryRoot = root,
            DataDirectory = Path.Combine(root, ".platform"),
            Fresh = args.Contains("--fresh"),
        };
        if ((ValueOf(args, "--dashboard-url") ?? Environment.GetEnvironmentVariable("APPHOST_DASHBOARD_URL")) is { } dashboard)
            options.DashboardUrl = dashboard == "none" ? null : new Uri(dashboard);
        if (ValueOf(args, "--data") is { } data) options.DataDirectory = Path.GetFullPath(data);
        return options;
    }

    private static string? ValueOf(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>The folder holding Platform.sln, found upwards from the working directory or the AppHost's build output.</summary>
    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find Platform.sln above the working directory or the AppHost.");
    }
}
