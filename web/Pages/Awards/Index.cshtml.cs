using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Awards;

namespace Platform.Web.Pages.Awards;

/// <summary>
/// The awards' home: this year's programme (the one open for nominations, else the newest), its categories in words,
/// and every other year's results.
/// </summary>
public sealed class IndexModel(PlatformApi api) : PageModel
{
    public Programme? Current { get; private set; }
    public IReadOnlyList<Programme> Others { get; private set; } = [];
    public bool NominationsOpen { get; private set; }
    public bool NominationsNotYetOpen { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Programmes are one a year, newest first: a hundred is every year anyone will look back on.
        var programmes = (await api.GetAsync<Paged<Programme>>("api/awards/programmes?pageSize=100", cancellationToken)).Value?.Items ?? [];
        // Open or not is the service's answer, by its clock, so the page and the form agree with what it accepts.
        Current = programmes.FirstOrDefault(p => p.NominationsOpenNow) ?? programmes.FirstOrDefault();
        Others = programmes.Where(p => p != Current).ToList();
        NominationsOpen = Current?.NominationsOpenNow == true;
        NominationsNotYetOpen = Current is { NominationsOpenNow: false } && TimeProvider.System.GetUtcNow() < Current.NominationsOpen;
    }
}
