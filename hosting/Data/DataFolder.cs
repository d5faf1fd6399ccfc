using Platform.AppHost.Hosting.Secrets;

namespace Platform.AppHost.Hosting;

/// <summary>
/// Where the platform keeps its data across runs, like a container's volume: --data DIR, by default .platform/ at the
/// repository root. Each server has a folder of its own in it; the generated parameters are kept beside them
/// (secrets.json), because the data only opens with the credentials it was created with.
/// </summary>
public sealed class DataFolder
{
    /// <param name="keepSecrets">Whether generated secrets are read from and kept in the folder's secrets.json (not
    /// for a folder this AppHost refuses to open).</param>
    internal DataFolder(string path, bool throwaway, bool keepSecrets = true)
    {
        Path = System.IO.Path.GetFullPath(path);
        Throwaway = throwaway;
        Secrets = new SecretStore(keepSecrets ? System.IO.Path.Combine(Path, "secrets.json") : null);
    }

    public string Path { get; }

    /// <summary>Test data thrown away after the run: servers may trade durability for speed (PostgreSQL without fsync).</summary>
    public bool Throwaway { get; }

    public SecretStore Secrets { get; }

    /// <summary>A resource's own folder.</summary>
    public string For(string resourceName) => System.IO.Path.Combine(Path, resourceName);

    /// <summary>The folder holding Platform.sln, found upwards from <paramref name="start"/>.</summary>
    public static string RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
        throw new PlatformSetupException($"Cannot find Platform.sln above {start}: run the AppHost from the repository.");
    }
}
