namespace Platform.AppHost.Hosting;

/// <summary>
/// One AppHost per data folder: an exclusive lock on a file in it, held for the life of the process. The kernel drops
/// it when the process ends however it ends (SIGKILL included), so a stale lock never blocks the next run.
/// </summary>
public sealed class DataFolderLock(string folder) : IDisposable
{
    internal const string FileName = "apphost.lock";
    private FileStream? _held;
    private Action? _whenTaken;

    internal void WhenTaken(Action action) => _whenTaken += action;

    public void Take()
    {
        if (_held is not null) return;
        Directory.CreateDirectory(folder);
        try
        {
            _held = new FileStream(Path.Combine(folder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new PlatformSetupException(
                $"Another AppHost is already running on {folder}: stop it (Ctrl+C in its terminal) or pass --data DIR for another data folder.");
        }
        _whenTaken?.Invoke();
    }

    public void Dispose() => _held?.Dispose();
}
