using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;

namespace Platform.Web.News;

/// <summary>The home page's "Latest news": the three newest published posts.</summary>
public sealed class LatestNewsViewComponent(PlatformApi api) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var result = await api.GetAsync<NewsPage>("api/notifications/news/published?pageSize=3", HttpContext.RequestAborted);
        return View(result.Value?.Items ?? []);
    }
}
