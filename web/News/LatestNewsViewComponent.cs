using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;

namespace Platform.Web.News;

/// <summary>The home page's "Latest news": the three newest published posts.</summary>
public sealed class LatestNewsViewComponent(SharedReads reads) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var result = await reads.GetAsync<NewsPage>("api/notifications/news/published?pageSize=3", Freshness.HomePage, HttpContext.RequestAborted);
        return View(result.Value?.Items ?? []);
    }
}
