using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Awards;

namespace Platform.Web.Pages.Awards;

/// <summary>
/// A year's winners. Only the public results endpoint is read, which lists no one until the embargo lifts, so the
/// page cannot show a winner early however its address is found.
/// </summary>
public sealed class ResultsModel(PlatformApi api) : PageModel
{
    public Programme Programme { get; private set; } = null!;
    public ProgrammeResults Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var programme = await api.GetAsync<Programme>($"api/awards/programmes/{programmeId}", cancellationToken);
        if (!programme.Succeeded) return NotFound();
        var results = await api.GetAsync<ProgrammeResults>($"api/awards/programmes/{programmeId}/results", cancellationToken);
        if (!results.Succeeded) return NotFound();
        Programme = programme.Value;
        Results = results.Value;
        return Page();
    }
}
