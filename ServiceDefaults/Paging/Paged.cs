namespace Platform.ServiceDefaults.Paging;

/// <summary>
/// One page of a list, the shape every list endpoint answers with: the items, the page and page size they are, and the
/// total number of items over all pages (so a client knows how many pages there are: ⌈total ÷ pageSize⌉).
/// </summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    /// <summary>A page of a list already in memory (computed rankings, matches), in the order given.</summary>
    public static Paged<T> Of(IReadOnlyCollection<T> all, PageRequest page) =>
        new(page.Offset >= all.Count ? [] : all.Skip(page.Offset).Take(page.PageSize).ToList(), page.Page, page.PageSize, all.Count);

    public Paged<TView> Select<TView>(Func<T, TView> view) => new(Items.Select(view).ToList(), Page, PageSize, Total);
}
