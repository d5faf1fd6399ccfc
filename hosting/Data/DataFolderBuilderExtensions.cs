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
    /// same data stops with one sentence, and ends whatever a killed earlier run left running on it.
    /// </summary>
    public static DataFolder GetDataFolder(this IDistributedApplicationBuilder builder) => Folders.GetValue(builder, b =>
    {
        var path = b.Configuration["data"] ?? Path.Combine(DataFolder.RepositoryRoot(b.AppHostDirectory), ".platform");
        var folder = new DataFolder(path, b.Configuration.GetValue("throwaway-data", false));
        if (!b.ExecutionContext.IsRunMode) return folder;

        var dataLock = new DataFolderLock(folder.Path);
        if (b.Configuration.GetValue("fresh", false)) dataLock.WhenTaken(() => Wipe(folder.Path));
        b.Services.AddSingleton(folder);
        b.Services.AddSingleton(dataLock);
        b.Eventing.Subscribe<BeforeStartEvent>((_, _) =>
        {
            dataLock.Take();
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
