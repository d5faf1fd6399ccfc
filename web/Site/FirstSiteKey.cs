using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Platform.Web.Site;

/// <summary>
/// Makes the shared key ring's first key before the site serves, one copy at a time (an exclusive lock on a file in the
/// key folder). Left to ASP.NET Core, copies started together on an empty folder each made a key of their own at their
/// first form, and a copy reloads the ring for a key it does not know only in its first minutes: after that, a form one
/// copy rendered was refused (400) by another until the ring's daily refresh. Found by the two-copy end-to-end test on a
/// slow machine, where the post came more than two minutes after the copies started.
/// </summary>
/// <param name="folder">The shared key folder (<see cref="SiteKeysOptions.KeysFolder"/>).</param>
internal sealed class FirstSiteKey(string folder, IKeyManager keys, IOptions<KeyManagementOptions> management, TimeProvider time,
    ILogger<FirstSiteKey> logger) : IHostedLifecycleService
{
    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(50);

    /// <summary>Before any hosted service starts, the web server included.</summary>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await using var held = await TakeLockAsync(Path.Combine(folder, "first-key.lock"), cancellationToken);
        var now = time.GetUtcNow();
        if (keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now)) return;
        var key = keys.CreateNewKey(now, now + management.Value.NewKeyLifetime);
        logger.LogInformation("Made the site's first Data Protection key {KeyId} in {Folder}", key.KeyId, folder);
    }

    /// <summary>The file open for this process alone (.NET takes an exclusive flock for FileShare.None); others wait.</summary>
    private async Task<FileStream> TakeLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(LockRetry, time, cancellationToken);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
