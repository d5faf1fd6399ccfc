namespace Platform.Web.Api;

/// <summary>A page of a list, as every platform list answers (README: Lists and paging): one shape for every area.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class ApiPaging
{
    /// <summary>
    /// Every item of a short list (organisations, keys), read 100 at a time up to <paramref name="mostPages"/> pages; a
    /// refusal means the page cannot go on. <paramref name="path"/> has no query string of its own.
    /// </summary>
    public static async Task<IReadOnlyList<T>> AllAsync<T>(this PlatformApi api, string path, int mostPages, CancellationToken ct)
    {
        var all = new List<T>();
        for (var page = 1; page <= mostPages; page++)
        {
            var read = await api.GetAsync<Paged<T>>($"{path}?pageSize=100&page={page}", ct);
            var items = read.Value?.Items ?? throw new PlatformUnavailableException($"{path} was refused: {read.Problem?.Status}.");
            all.AddRange(items);
            if (all.Count >= read.Value.Total || items.Count == 0) break;
        }

        return all;
    }
}
