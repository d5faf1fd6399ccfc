using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Site;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Volunteering;

/// <summary>"Are you sure?" before withdrawing an application, with an optional reason; the POST withdraws.</summary>
public sealed class WithdrawModel(PlatformApi api) : PageModel
{
    public const int ReasonLimit = 4000;

    public ManagedApplication? Application { get; private set; }

    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken)) return Page();
        if (Reason is { Length: > ReasonLimit }) ModelState.AddModelError(nameof(Reason), $"Your reason must be {ReasonLimit} characters or fewer");
        if (!ModelState.IsValid) return Page();

        var withdrawn = await api.PostAsync<ManagedApplication>($"{VolunteeringApi.Application(token)}/withdraw",
            new WithdrawRequest(string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim()), cancellationToken);
        if (withdrawn.Succeeded) return Redirect($"/volunteering/applications/{Uri.EscapeDataString(token)}?withdrawn=true");
        ModelState.AddApiProblem(withdrawn.Problem, new Dictionary<string, string> { ["reason"] = nameof(Reason) });
        return Page();
    }

    private async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var found = await api.GetAsync<ManagedApplication>(VolunteeringApi.Application(token), cancellationToken);
        if (found.Succeeded)
        {
            Application = found.Value;
            return true;
        }

        Response.StatusCode = StatusCodes.Status404NotFound;
        return false;
    }
}
