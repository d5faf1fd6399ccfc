using System.Globalization;

namespace Platform.Web.News;

/// <summary>GET /api/notifications/news/published[/{id}]: a published post. BodyHtml is the service's sanitised render.</summary>
public sealed record NewsPost(Guid Id, string Title, string BodyHtml, string Topic, string? District, DateTime PublishedAt)
{
    public string Published => PublishedAt.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}

/// <summary>A page of a list, as every platform list answers (README: Lists and paging).</summary>
public sealed record NewsPage(IReadOnlyList<NewsPost> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
