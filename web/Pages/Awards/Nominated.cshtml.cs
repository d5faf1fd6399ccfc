using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Awards;

namespace Platform.Web.Pages.Awards;

/// <summary>
/// The confirmation after Post/Redirect/Get. The names come once, from the nomination just made (TempData); a reload
/// shows the same panel without them. The manage link is only in the email, which also proves the address.
/// </summary>
public sealed class NominatedModel(PlatformApi api) : PageModel
{
    public Programme Programme { get; private set; } = null!;
    public string? NomineeName { get; private set; }
    public string? CategoryName { get; private set; }
    public string? NominatorEmail { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var programme = await api.GetAsync<Programme>($"api/awards/programmes/{programmeId}", cancellationToken);
        if (!programme.Succeeded) return NotFound();
        Programme = programme.Value;
        NomineeName = TempData["NomineeName"] as string;
        CategoryName = TempData["CategoryName"] as string;
        NominatorEmail = TempData["NominatorEmail"] as string;
        return Page();
    }
}
