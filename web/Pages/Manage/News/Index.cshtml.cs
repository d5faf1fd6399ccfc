using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Manage.News;

namespace Platform.Web.Pages.Manage.News;

/// <summary>The news desk: the latest posts, drafts and published, and the way to write one.</summary>
public sealed class IndexModel(PlatformApi api, CurrentManageUser current) : PageModel
{
    public IReadOnlyList<StaffNewsPost> Posts { get; private set; } = [];
    public StaffNewsPost? Published { get; private set; }
    public int Queued { get; private set; }
    public bool MayLookUpAddresses { get; private set; }

    public async Task OnGetAsync(Guid? published, int? queued, CancellationToken ct)
    {
        var posts = await api.GetAsync<Paged<StaffNewsPost>>("api/notifications/news?pageSize=20", ct);
        Posts = posts.Value?.Items ?? throw new PlatformUnavailableException($"The news list was refused: {posts.Problem?.Status}.");
        Published = Posts.FirstOrDefault(p => p.Id == published && p.Status == "published");
        Queued = queued ?? 0;
        MayLookUpAddresses = (await current.GetAsync(ct)).Holds(DataProtectionModel.Permission);
    }
}
