using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage.Accounts;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.Accounts;

/// <summary>
/// Staff's accounts page: who has which role (a page of the gateway's list), inviting a colleague or an organisation's
/// user (the link goes to them by email), and disabling or enabling an account. Staff only, as the API is.
/// </summary>
public sealed class IndexModel(PlatformApi api) : PageModel
{
    private const int PageSize = 50;

    /// <summary>The page of the list ("p": a property named "page" would clash with Razor Pages' own).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Invited { get; set; }

    [BindProperty]
    public InviteForm Invite { get; set; } = new();

    public AccountsPage Accounts { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        ViewData[FormErrors.OrderKey] = InviteForm.Order;
        if (string.IsNullOrWhiteSpace(Invite.Email)) ModelState.AddModelError("Invite.Email", "Enter the email address to invite");
        if (Invite.Role is not (InviteForm.Staff or InviteForm.Organisation)) ModelState.AddModelError("Invite.Role", "Choose who they are");
        else if (Invite.Role == InviteForm.Organisation && Invite.OrganisationId is null)
            ModelState.AddModelError("Invite.OrganisationId", "Choose the organisation they belong to");

        if (ModelState.ErrorCount == 0)
        {
            var staff = Invite.Role == InviteForm.Staff;
            var sent = await api.PostAsync<NoContent>("gateway/accounts/invitations", new
            {
                email = Invite.Email!.Trim(),
                role = Invite.Role,
                organisationId = staff ? null : Invite.OrganisationId,
            }, ct);
            if (sent.Succeeded) return RedirectToPage(new { invited = Invite.Email.Trim(), p = PageNumber });
            ModelState.AddApiProblem(sent.Problem, InviteForm.ApiFields);
        }

        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct) => ChangeAsync(id, "disable", ct);

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct) => ChangeAsync(id, "enable", ct);

    private async Task<IActionResult> ChangeAsync(Guid id, string change, CancellationToken ct)
    {
        var changed = await api.PostAsync<NoContent>($"gateway/accounts/{id}/{change}", null, ct);
        if (changed.Succeeded) return RedirectToPage(new { p = PageNumber });

        ModelState.AddApiProblem(changed.Problem);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var accounts = await api.GetAsync<AccountsPage>($"gateway/accounts?page={PageNumber}&pageSize={PageSize}", ct);
        if (accounts.Succeeded) Accounts = accounts.Value;
        else ModelState.AddApiProblem(accounts.Problem);
        var organisations = await api.GetAsync<OrganisationsPage>("gateway/organisations?pageSize=100", ct);
        if (organisations.Succeeded) Organisations = organisations.Value.Items;
    }
}
