using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage.ApiKeys;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.ApiKeys;

/// <summary>Partners' keys: who holds which scopes, when each was last used, and revoking one at once.</summary>
public sealed class IndexModel(PlatformApi api, TimeProvider time) : PageModel
{
    private IReadOnlyDictionary<Guid, string> _organisations = new Dictionary<Guid, string>();

    public IReadOnlyList<PartnerKey> Keys { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public string? Revoked { get; private set; }

    public async Task OnGetAsync(string? revoked, CancellationToken ct)
    {
        Revoked = revoked;
        await ReadAsync(ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, string? prefix, CancellationToken ct)
    {
        var revoked = await api.DeleteAsync<NoContent>($"gateway/api-keys/{id}", ct);
        if (revoked.Succeeded) return Redirect($"/manage/api-keys?revoked={Uri.EscapeDataString(prefix ?? "")}");
        ModelState.AddApiProblem(revoked.Problem);
        await ReadAsync(ct);
        return Page();
    }

    public string OrganisationName(Guid id) => _organisations.TryGetValue(id, out var name) ? name : "Unknown organisation";

    public string Status(PartnerKey key) =>
        key.RevokedAt is { } revoked ? $"Revoked {PartnerKeys.When(revoked)}"
        : key.ExpiresAt <= Now ? "Expired"
        : key.ReplacedBy is not null ? $"Rotated: works until {PartnerKeys.When(key.ExpiresAt)}"
        : $"In use until {PartnerKeys.When(key.ExpiresAt)}";

    private async Task ReadAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        Keys = await api.KeysAsync(ct);
        _organisations = (await api.OrganisationsAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
    }
}
