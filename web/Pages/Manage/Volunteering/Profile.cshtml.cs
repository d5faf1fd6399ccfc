using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Manage.Volunteering;
using Platform.Web.Site;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Manage.Volunteering;

/// <summary>An organisation registers or edits its own profile (staff approve new ones).</summary>
public sealed class ProfileModel(PlatformApi api, SharedReads reads) : PageModel
{
    [BindProperty] public ProfileForm Form { get; set; } = new();
    public IReadOnlyList<string> AllDistricts { get; private set; } = [];
    public bool Registered { get; private set; }

    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["name"] = "Form.Name", ["charityNumber"] = "Form.CharityNumber", ["districts"] = "Form.Districts",
        ["contactName"] = "Form.ContactName", ["contactEmail"] = "Form.ContactEmail", ["contactPhone"] = "Form.ContactPhone",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await api.GetAsync<OrganisationProfile>(ManageVolunteeringApi.Profile, cancellationToken);
        if (!found.Succeeded && !found.Problem.IsNotFound) return PageRefusal.Of(found.Problem);
        if (found.Value is { } p)
        {
            Registered = true;
            Form = new ProfileForm
            {
                Name = p.Name, CharityNumber = p.CharityNumber, Districts = [.. p.Districts], ContactName = p.ContactName,
                ContactEmail = p.ContactEmail, ContactPhone = p.ContactPhone,
            };
        }
        AllDistricts = await VolunteeringApi.DistrictsAsync(reads, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var saved = await api.PutAsync<OrganisationProfile>(ManageVolunteeringApi.Profile, new OrganisationProfileBody(
            Form.Name, Form.CharityNumber, Form.Districts, Form.ContactName, Form.ContactEmail, Form.ContactPhone), cancellationToken);
        if (saved.Succeeded) return Redirect("/manage/volunteering");
        if (PageRefusal.Ends(saved.Problem)) return PageRefusal.Of(saved.Problem);
        ModelState.AddApiProblem(saved.Problem, Fields);
        ViewData[FormErrors.OrderKey] = Fields.Values.ToList();
        AllDistricts = await VolunteeringApi.DistrictsAsync(reads, cancellationToken);
        return Page();
    }

    public sealed class ProfileForm
    {
        public string? Name { get; set; }
        public string? CharityNumber { get; set; }
        public List<string> Districts { get; set; } = [];
        public string? ContactName { get; set; }
        public string? ContactEmail { get; set; }
        public string? ContactPhone { get; set; }
    }
}
