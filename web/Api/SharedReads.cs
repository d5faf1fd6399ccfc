using Microsoft.Extensions.Caching.Memory;

namespace Platform.Web.Api;

/// <summary>
/// How long a public read that every visitor makes alike may be shown from the site's memory instead of asked afresh.
/// Only answers with neither a token nor anything personal in them are kept; pages a visitor acts on (the registration
/// form with its places left, a manage page) always read afresh.
/// </summary>
public static class Freshness
{
    /// <summary>Districts, topics: the platform's reference lists change with a release, not by the minute.</summary>
    public static readonly TimeSpan ReferenceData = TimeSpan.FromMinutes(5);

    /// <summary>The home page's upcoming events, open roles and latest news: a new one shows within seconds.</summary>
    public static readonly TimeSpan HomePage = TimeSpan.FromSeconds(10);

    /// <summary>The events list as it opens, unfiltered: a newly published event shows within seconds.</summary>
    public static readonly TimeSpan EventList = TimeSpan.FromSeconds(5);

    /// <summary>
    /// An event's page (its programme and places left): a few seconds behind at most. Whoever goes on to register sees
    /// the form's fresh figures, and the service decides who gets a place.
    /// </summary>
    public static readonly TimeSpan EventPage = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Public reads shared by every visitor for a while (<see cref="Freshness"/>). Visitors asking for the same path while
/// it is being read wait for that one read instead of each calling the platform (50 visitors on an event page are one
/// call, not 50). A refusal or failure is never kept: the next visitor asks again.
/// </summary>
public sealed class SharedReads(PlatformApi api, SharedReadCache cache)
{
    public async Task<ApiResult<T>> GetAsync<T>(string path, TimeSpan fresh, CancellationToken cancellationToken)
    {
        var key = (typeof(T), path);
        // The read is shared, so it is not cancelled with the visitor who started it (the API timeout still bounds it).
        var read = cache.Entries.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = fresh;
            entry.Size = 1;
            return api.GetAsync<T>(path, CancellationToken.None);
        })!;
        try
        {
            var result = await read.WaitAsync(cancellationToken);
            if (!result.Succeeded) Forget(key, read);
            return result;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            Forget(key, read); // a failed read (the platform down, an unreadable answer) is never kept
            throw;
        }
    }

    private void Forget<T>((Type, string) key, Task<ApiResult<T>> read)
    {
        if (cache.Entries.TryGetValue(key, out Task<ApiResult<T>>? kept) && ReferenceEquals(kept, read)) cache.Entries.Remove(key);
    }
}

/// <summary>The site's own memory for <see cref="SharedReads"/>, bounded: a flood of distinct paths cannot fill it.</summary>
public sealed class SharedReadCache : IDisposable
{
    public const int MaxEntries = 2_000;

    public MemoryCache Entries { get; } = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public void Dispose() => Entries.Dispose();
}
