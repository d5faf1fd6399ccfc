using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Site;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Volunteering;

/// <summary>
/// Open volunteer roles, searched with the filters the public search offers (GET /api/volunteers/roles). A GET form,
/// so a search is a link that can be shared or bookmarked and works without script.
/// </summary>
public sealed class IndexModel(PlatformApi api, SharedReads reads) : PageModel
{
    public const int PageSize = 10;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Availability { get; set; }
    [BindProperty(SupportsGet = true)] public string? Skill { get; set; }
    [BindProperty(SupportsGet = true)] public string? Where { get; set; }
    /// <summary>?page=, read by hand: Razor Pages keeps the "page" route value for the page's own name.</summary>
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<string> Districts { get; private set; } = [];
    public Paged<RoleSummary> Results { get; private set; } = new([], 1, PageSize, 0);
    public int LastPage => Math.Max(1, (Results.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Districts = await VolunteeringApi.DistrictsAsync(reads, cancellationToken);
        PageNumber = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n is >= 1 and <= 10_000 ? n : 1;
        var found = await api.GetAsync<Paged<RoleSummary>>(VolunteeringApi.SearchPath(Query(PageNumber), PageSize), cancellationToken);
        if (found.Succeeded) Results = found.Value;
        else ModelState.AddApiProblem(found.Problem, Fields);
    }

    /// <summary>The search's own query with another page number, for the pagination links.</summary>
    public string PageLink(int page) => "/volunteering" + QueryString.Create(Query(page).Where(p => p.Value is not null));

    private IEnumerable<KeyValuePair<string, string?>> Query(int page) =>
    [
        new("q", Blank(Q)), new("district", Blank(District)), new("category", Blank(Category)),
        new("availability", Blank(Availability)), new("skill", Blank(Skill)),
        new("remote", Where switch { "remote" => "true", "inPerson" => "false", _ => null }),
        new("page", page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["q"] = nameof(Q), ["district"] = nameof(District), ["category"] = nameof(Category),
        ["availability"] = nameof(Availability), ["skill"] = nameof(Skill), ["remote"] = nameof(Where), ["page"] = "",
    };
}
