using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Manage;

namespace Platform.Web.Pages.Manage;

/// <summary>The back office's home: who is signed in and the areas they may open.</summary>
public sealed class IndexModel(CurrentManageUser current) : PageModel
{
    public ManageUser Account { get; private set; } = null!;
    public IReadOnlyList<ManageSection> Areas { get; private set; } = [];

    public string RoleName => Account.IsStaff ? "staff" : Account.IsOrganisation ? "organisation user" : Account.Role;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Account = await current.GetAsync(ct);
        Areas = ManageNavigation.For(Account).ToList();
    }
}
