using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Awards;

namespace Platform.Web.Pages.Awards;

/// <summary>
/// The nominator's page, from the link in their acknowledgement: the nomination as sent and, while nominations are
/// open, the way to withdraw it. The Awards service lets nothing else change, so the page offers nothing else.
/// </summary>
public sealed class ManageModel(PlatformApi api) : PageModel
{
    public NominationReceipt? Nomination { get; private set; }
    public bool JustWithdrawn { get; private set; }

    public bool CanWithdraw => Nomination is { Withdrawn: false } n && TimeProvider.System.GetUtcNow() < n.WithdrawBefore;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var result = await api.GetAsync<NominationReceipt>(ManagePath(token), cancellationToken);
        if (!result.Succeeded)
        {
            if (!result.Problem.IsNotFound) throw new PlatformUnavailableException($"The manage link answered {result.Problem.Status}.");
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Nomination = result.Value;
        JustWithdrawn = TempData["Withdrawn"] is true;
        return Page();
    }

    /// <summary>The token escaped; never logged (the site logs no page or API URLs).</summary>
    public static string ManagePath(string token) => $"api/awards/nominations/{Uri.EscapeDataString(token)}";
}
