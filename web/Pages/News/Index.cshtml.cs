using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.News;

namespace Platform.Web.Pages.News;

/// <summary>The news archive: published posts, newest first, ten a page.</summary>
public sealed class IndexModel(PlatformApi api) : PageModel
{
    public const int PageSize = 10;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public NewsPage News { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (PageNumber is < 1 or > 10_000) return NotFound();
        var result = await api.GetAsync<NewsPage>($"api/notifications/news/published?page={PageNumber}&pageSize={PageSize}", ct);
        if (!result.Succeeded) return NotFound();
        News = result.Value;
        if (News.Items.Count == 0 && PageNumber > 1) return NotFound();
        return Page();
    }
}
