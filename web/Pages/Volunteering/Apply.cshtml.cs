using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.ServiceDefaults.Text;
using Platform.Web.Api;
using Platform.Web.Site;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Volunteering;

/// <summary>
/// Applying for a role: the answers the service's application takes, checked here for what people commonly get wrong
/// and then by the service, whose refusals (already applied, too young, role closed) show at the top of the form.
/// Success redirects to the confirmation (Post/Redirect/Get), so a refresh does not apply twice.
/// </summary>
public sealed class ApplyModel(PlatformApi api, SharedReads reads) : PageModel
{
    public const int LongText = 4000;

    [BindProperty] public ApplyForm Form { get; set; } = new();

    public RoleView Role { get; private set; } = null!;
    public IReadOnlyList<string> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Check();
        if (!ModelState.IsValid) return Page();

        var sent = await api.PostAsync<ApplicationCreated>(VolunteeringApi.Apply(id), Form.ToRequest(), cancellationToken);
        if (sent.Succeeded) return RedirectToPage("Applied", new { id });
        if (sent.Problem.IsNotFound) return NotFound();
        ModelState.AddApiProblem(sent.Problem, Fields);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var role = await api.GetAsync<RoleView>(VolunteeringApi.Role(id), cancellationToken);
        if (!role.Succeeded) return false;
        Role = role.Value;
        Districts = await VolunteeringApi.DistrictsAsync(reads, cancellationToken);
        return true;
    }

    // The page's own checks, in the order the fields appear, so the summary reads top to bottom. Model binding's own
    // messages (none expected: every field is a string or a bool) are replaced by these.
    private void Check()
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Form.Name)) Add(nameof(ApplyForm.Name), "Enter your full name");
        else if (Form.Name.Trim().Length > 200) Add(nameof(ApplyForm.Name), "Your name must be 200 characters or fewer");
        if (string.IsNullOrWhiteSpace(Form.Email)) Add(nameof(ApplyForm.Email), "Enter your email address");
        else if (!Text.IsEmail(Form.Email.Trim()))
            Add(nameof(ApplyForm.Email), "Enter an email address in the correct format, like name@example.com");
        if (Form.Phone is { Length: > 32 }) Add(nameof(ApplyForm.Phone), "Your phone number must be 32 characters or fewer");
        if (string.IsNullOrEmpty(Form.AgeBand)) Add(nameof(ApplyForm.AgeBand), "Select your age");
        if (Form.Availability.Count == 0) Add(nameof(ApplyForm.Availability), "Select when you can volunteer");
        if (string.IsNullOrWhiteSpace(Form.Motivation)) Add(nameof(ApplyForm.Motivation), "Tell us why you want to volunteer in this role");
        else if (Form.Motivation.Length > LongText) Add(nameof(ApplyForm.Motivation), $"Why you want to volunteer must be {LongText} characters or fewer");
        if (Form.Experience is { Length: > LongText }) Add(nameof(ApplyForm.Experience), $"Your experience must be {LongText} characters or fewer");
        if (!Form.Consent) Add(nameof(ApplyForm.Consent), "Agree to the organisation holding your details to apply");
    }

    private void Add(string field, string message) => ModelState.AddModelError($"{nameof(Form)}.{field}", message);

    /// <summary>The service's field names (JSON paths) to the form's.</summary>
    private static readonly Dictionary<string, string> Fields = new[]
        {
            nameof(ApplyForm.Name), nameof(ApplyForm.Email), nameof(ApplyForm.Phone), nameof(ApplyForm.AgeBand), nameof(ApplyForm.Availability),
            nameof(ApplyForm.Skills), nameof(ApplyForm.District), nameof(ApplyForm.Motivation), nameof(ApplyForm.Experience), nameof(ApplyForm.Consent),
        }
        .ToDictionary(f => char.ToLowerInvariant(f[0]) + f[1..], f => $"{nameof(Form)}.{f}", StringComparer.OrdinalIgnoreCase);
}

/// <summary>The application form as typed: kept whole when it comes back with errors.</summary>
public sealed class ApplyForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? District { get; set; }
    public string? AgeBand { get; set; }
    public List<string> Availability { get; set; } = [];

    /// <summary>Skills typed as a list separated by commas ("first aid, driving").</summary>
    public string? Skills { get; set; }

    public string? Motivation { get; set; }
    public string? Experience { get; set; }
    public bool Consent { get; set; }

    public ApplicationRequest ToRequest() => new(
        Name?.Trim(), Email?.Trim(), Blank(Phone), AgeBand, Availability,
        (Skills ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Blank(District), Motivation?.Trim(), Blank(Experience), Consent);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
