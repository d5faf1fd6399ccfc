using System.Diagnostics;

namespace Platform.Deploy.Tests;

/// <summary>
/// The Kubernetes files the app model gives now: the AppHost's own manifest publisher run as `./platform publish k8s`
/// runs it (the built AppHost, so build the solution first), then the generator over its manifest.
/// </summary>
public sealed class GeneratedDeployment : IAsyncLifetime
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string CommittedFolder => Path.Combine(RepositoryRoot, "deploy", "k8s");

    internal AppManifest Manifest { get; private set; } = null!;

    internal IReadOnlyList<(string Name, IReadOnlyList<object> Objects)> Files { get; private set; } = [];

    public IEnumerable<Dictionary<string, object>> Objects => Files.SelectMany(f => f.Objects).Cast<Dictionary<string, object>>();

    public async ValueTask InitializeAsync()
    {
        var appHost = Path.Combine(RepositoryRoot, "AppHost", "bin", "Debug", "net10.0", "AppHost.dll");
        Assert.True(File.Exists(appHost), $"{appHost} is not built: build Platform.sln (or the AppHost) first.");
        var output = Path.Combine(Path.GetTempPath(), $"deploy-tests-{Guid.CreateVersion7():N}");
        var manifestPath = Path.Combine(output, "aspire-manifest.json");
        try
        {
            var start = new ProcessStartInfo("dotnet", ["exec", appHost, "--publisher", "manifest", "--output-path", manifestPath])
            {
                WorkingDirectory = RepositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, $"the manifest publisher failed: {await stdout}{await stderr}");
            Manifest = AppManifest.Read(await File.ReadAllTextAsync(manifestPath, TestContext.Current.CancellationToken));
            Files = KubernetesFiles.From(Manifest, DeploySettings.Default);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Platform.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException("No Platform.sln above the test's folder.");
    }
}
