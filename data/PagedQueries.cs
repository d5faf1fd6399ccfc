using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Paging;

namespace Platform.Data;

public static class PagedQueries
{
    /// <summary>
    /// One page of a query: its total count and the page's rows, two statements. The query must already be ordered
    /// down to a unique key (e.g. <c>ThenBy(x =&gt; x.Id)</c>), or rows could appear on two pages or on none.
    /// </summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, PageRequest page, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = page.Offset >= total ? [] : await query.Skip(page.Offset).Take(page.PageSize).ToListAsync(ct);
        return new Paged<T>(items, page.Page, page.PageSize, total);
    }
}
