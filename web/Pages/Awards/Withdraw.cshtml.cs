using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Awards;

namespace Platform.Web.Pages.Awards;

/// <summary>The confirm step before withdrawing (a GET shows it, only the POST withdraws).</summary>
public sealed class WithdrawModel(PlatformApi api) : PageModel
{
    public NominationReceipt? Nomination { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var result = await api.GetAsync<NominationReceipt>(ManageModel.ManagePath(token), cancellationToken);
        if (!result.Succeeded) return Expired(result.Problem);
        Nomination = result.Value;
        // Nothing left to withdraw: the nomination's own page says why.
        if (Nomination.Withdrawn) return Redirect(ManageUrl(token));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var withdrawn = await api.DeleteAsync<NominationReceipt>(ManageModel.ManagePath(token), cancellationToken);
        if (withdrawn.Succeeded)
        {
            TempData["Withdrawn"] = true;
            return Redirect(ManageUrl(token));
        }
        if (withdrawn.Problem.IsNotFound) return Expired(withdrawn.Problem);

        // Closed meanwhile, or already withdrawn in another tab: say so on this page.
        var current = await api.GetAsync<NominationReceipt>(ManageModel.ManagePath(token), cancellationToken);
        if (!current.Succeeded) return Expired(current.Problem);
        Nomination = current.Value;
        ModelState.AddModelError("", withdrawn.Problem.Summary);
        return Page();
    }

    private PageResult Expired(ApiProblem problem)
    {
        if (!problem.IsNotFound) throw new PlatformUnavailableException($"The manage link answered {problem.Status}.");
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public static string ManageUrl(string token) => $"/awards/nominations/{Uri.EscapeDataString(token)}";
}
