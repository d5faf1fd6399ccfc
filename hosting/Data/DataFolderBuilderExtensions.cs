using System.Runtime.CompilerServices;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.AppHost.Hosting;

public static class DataFolderBuilderExtensions
{
    private static readonly ConditionalWeakTable<IDistributedApplicationBuilder, DataFolder> Folders = [];

    /// <summary>
    /// The run's data folder (configuration "data", else .platform/ at the repository root; "fresh" wipes it first;
    /// "throwaway-data" for tests). Before anything starts the run takes the folder's lock, so a second AppHost on the
    /// same data stops with one sentence, refuses data a newer platform wrote (<see cref="DataVersion"/>), and ends
    /// whatever a killed earlier run left running on it.
    /// </summary>
    public static DataFolder GetDataFolder(this IDistributedApplicationBuilder builder) => Folders.GetValue(builder, b =>
    {
        var path = Path.GetFullPath(b.Configuration["data"] ?? Path.Combine(DataFolder.RepositoryRoot(b.AppHostDirectory), ".platform"));
        var throwaway = b.Configuration.GetValue("throwaway-data", false);
        if (!b.ExecutionContext.IsRunMode) return new DataFolder(path, throwaway);

        var dataLock = new DataFolderLock(path);
        // --fresh wipes now, while the model is being built: the generated parameters are read from (and written to)
        // the folder right after this, and must be the new data's. If another AppHost holds the folder nothing is
        // wiped, and the start below stops with its sentence.
        if (b.Configuration.GetValue("fresh", false) && dataLock.TryTake())
        {
            Leftovers.End(path);
            Wipe(path);
        }
        // Data a newer platform wrote is not read at all, its secrets included (their shape may have changed too): the
        // run goes on building the model with secrets kept in memory, and stops with the sentence before anything starts.
        PlatformSetupException? refusal = null;
        try { DataVersion.CheckAndStamp(path); }
        catch (PlatformSetupException e) { refusal = e; }
        var folder = new DataFolder(path, throwaway, keepSecrets: refusal is null);

        b.Services.AddSingleton(folder);
        b.Services.AddSingleton(dataLock);
        b.Eventing.Subscribe<BeforeStartEvent>((_, _) =>
        {
            dataLock.Take();
            if (refusal is not null) throw refusal;
            Leftovers.End(folder.Path);
            return Task.CompletedTask;
        });
        return folder;
    });

    private static void Wipe(string path)
    {
        foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos())
        {
            if (entry.Name == DataFolderLock.FileName) continue;
            if (entry is DirectoryInfo dir) dir.Delete(recursive: true); else entry.Delete();
        }
    }
}
