using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.News;

namespace Platform.Web.Pages.News;

/// <summary>One published post. A draft or unknown id is the site's "page not found".</summary>
public sealed class PostModel(PlatformApi api) : PageModel
{
    public NewsPost Post { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await api.GetAsync<NewsPost>($"api/notifications/news/published/{id}", ct);
        if (!result.Succeeded) return NotFound();
        Post = result.Value;
        return Page();
    }
}
