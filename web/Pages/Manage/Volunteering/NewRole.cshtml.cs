using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Manage.Volunteering;
using Platform.Web.Site;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Manage.Volunteering;

/// <summary>An organisation posts a role: saved as a draft, opened from its page.</summary>
public sealed class NewRoleModel(PlatformApi api, SharedReads reads) : PageModel
{
    [BindProperty] public RoleForm Form { get; set; } = new();
    public IReadOnlyList<string> AllDistricts { get; private set; } = [];

    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["title"] = "Form.Title", ["description"] = "Form.Description", ["category"] = "Form.Category", ["district"] = "Form.District",
        ["location"] = "Form.Location", ["skills"] = "Form.Skills", ["timeCommitment"] = "Form.TimeCommitment",
        ["availability"] = "Form.Availability", ["minimumAge"] = "Form.MinimumAge", ["backgroundCheck"] = "Form.BackgroundCheck",
        ["places"] = "Form.Places", ["closesOn"] = "Form.ClosesOn",
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        AllDistricts = await VolunteeringApi.DistrictsAsync(reads, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A number or date the browser sent that is no number or date: said here, in the API's words, before asking it.
        ModelState.Rephrase("Form.MinimumAge", "Enter the minimum age as a whole number");
        ModelState.Rephrase("Form.Places", "Enter the number of places as a whole number");
        ModelState.Rephrase("Form.ClosesOn", "Enter the closing date as a real date");
        if (ModelState.IsValid)
        {
            var created = await api.PostAsync<RoleView>(ManageVolunteeringApi.Roles, Form.ToBody(), cancellationToken);
            if (created.Succeeded) return Redirect($"/manage/volunteering/roles/{created.Value.Id}?posted=true");
            if (PageRefusal.Ends(created.Problem)) return PageRefusal.Of(created.Problem);
            ModelState.AddApiProblem(created.Problem, Fields);
        }
        ViewData[FormErrors.OrderKey] = Fields.Values.ToList();
        AllDistricts = await VolunteeringApi.DistrictsAsync(reads, cancellationToken);
        return Page();
    }

    public sealed class RoleForm
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Category { get; set; }
        public string? District { get; set; }
        public string? Location { get; set; }
        public bool Remote { get; set; }
        public string? Skills { get; set; }
        public string? TimeCommitment { get; set; }
        public List<string> Availability { get; set; } = [];
        public int? MinimumAge { get; set; } = 18;
        public string? BackgroundCheck { get; set; }
        public int? Places { get; set; } = 1;
        public DateOnly? ClosesOn { get; set; }

        /// <summary>Whether opening it emails volunteering subscribers in its district (ticked unless chosen otherwise).</summary>
        public bool SendAlerts { get; set; } = true;

        // An unchosen list is sent as nothing, so the service says "required" rather than failing to read an empty name.
        public RoleBody ToBody() => new(Title, Description, Blank(Category), Blank(District), Location, Remote,
            (Skills ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), TimeCommitment,
            Availability, MinimumAge, Blank(BackgroundCheck), Places, ClosesOn, SendAlerts);

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
