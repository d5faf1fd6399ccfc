using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage.ApiKeys;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.ApiKeys;

/// <summary>Rotating a key: a new secret with the same scopes, the old one working for the overlap chosen.</summary>
public sealed class RotateModel(PlatformApi api) : PageModel
{
    [BindProperty]
    public int OverlapSeconds { get; set; } = 86_400;

    public PartnerKey Key { get; private set; } = null!;
    public IssuedKey? Issued { get; private set; }
    public string OldWorksUntil { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await FindAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await FindAsync(id, ct)) return NotFound();
        var rotated = await api.PostAsync<IssuedKey>($"gateway/api-keys/{id}/rotate", new { overlapSeconds = OverlapSeconds }, ct);
        if (!rotated.Succeeded)
        {
            ModelState.AddApiProblem(rotated.Problem);
            return Page();
        }

        Issued = rotated.Value;
        await FindAsync(id, ct);
        OldWorksUntil = PartnerKeys.When(Key.ExpiresAt);
        return Page();
    }

    private async Task<bool> FindAsync(Guid id, CancellationToken ct)
    {
        var key = (await api.KeysAsync(ct)).FirstOrDefault(k => k.Id == id);
        if (key is not null) Key = key;
        return key is not null;
    }
}
