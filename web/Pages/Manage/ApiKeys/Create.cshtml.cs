using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage.ApiKeys;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.ApiKeys;

/// <summary>A new key for a partner organisation, with the scopes chosen; its secret is shown on the answer page once.</summary>
public sealed class CreateModel(PlatformApi api) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["name"] = "Form.Name",
        ["organisationId"] = "Form.OrganisationId",
        ["scopes"] = "Form.Scopes",
        ["permitsPerMinute"] = "Form.PermitsPerMinute",
    };

    [BindProperty]
    public KeyForm Form { get; set; } = new();

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public IssuedKey? Issued { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Organisations = await api.OrganisationsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The form's own checks are what the API cannot say in the form's words; the API checks the rest.
        ModelState.Clear();
        if (Form.OrganisationId is null) ModelState.AddModelError("Form.OrganisationId", "Choose the organisation the key is for");
        int? permits = null;
        if (!string.IsNullOrWhiteSpace(Form.PermitsPerMinute))
        {
            if (int.TryParse(Form.PermitsPerMinute.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) permits = parsed;
            else ModelState.AddModelError("Form.PermitsPerMinute", "Requests a minute must be a whole number, like 60");
        }

        if (ModelState.ErrorCount == 0)
        {
            var issued = await api.PostAsync<IssuedKey>("gateway/api-keys",
                new { name = Form.Name, organisationId = Form.OrganisationId, scopes = Form.Scopes, permitsPerMinute = permits }, ct);
            if (issued.Succeeded)
            {
                Issued = issued.Value;
                return Page();
            }

            ModelState.AddApiProblem(issued.Problem, Fields);
        }

        Organisations = await api.OrganisationsAsync(ct);
        return Page();
    }

    public sealed class KeyForm
    {
        public string? Name { get; set; }
        public Guid? OrganisationId { get; set; }
        public List<string> Scopes { get; set; } = [];
        public string? PermitsPerMinute { get; set; }
    }
}
