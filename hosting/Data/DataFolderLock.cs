namespace Platform.AppHost.Hosting;

/// <summary>
/// One AppHost per data folder: an exclusive lock on a file in it, held for the life of the process. The kernel drops
/// it when the process ends however it ends (SIGKILL included), so a stale lock never blocks the next run.
/// </summary>
public sealed class DataFolderLock(string folder) : IDisposable
{
    internal const string FileName = "apphost.lock";
    private FileStream? _held;

    /// <summary>Takes the lock, or says in one sentence that another AppHost holds it.</summary>
    public void Take()
    {
        if (!TryTake())
            throw new PlatformSetupException(
                $"Another AppHost is already running on {folder}: stop it (Ctrl+C in its terminal) or pass --data DIR for another data folder.");
    }

    /// <summary>Takes the lock unless another process holds it; true when this one holds it now.</summary>
    public bool TryTake()
    {
        if (_held is not null) return true;
        Directory.CreateDirectory(folder);
        try
        {
            _held = new FileStream(Path.Combine(folder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Dispose() => _held?.Dispose();
}
