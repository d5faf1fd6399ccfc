using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.ServiceDefaults.Text;
using Platform.Web.Api;
using Platform.Web.Events;
using Platform.Web.Site;

namespace Platform.Web.Pages.Events;

/// <summary>
/// Registering for an event: the event's choice rule in words, its workshops with places left, the delegate's details.
/// Checked here for what a person gets wrong, then by the API (capacity, overlaps, one registration per address).
/// On success the visitor is asked to open the link the API has emailed (the only copy of the manage link: opening it
/// proves the address is theirs and confirms the places held for them); the address and the time the places are
/// held until ride along in TempData, so nothing about the registration is kept in the site.
/// </summary>
public sealed class RegisterModel(PlatformApi api, SharedReads reads, TimeProvider time) : PageModel
{
    public const string RegisteredEmail = "events-registered-email";
    public const string ConfirmByAt = "events-confirm-by";

    public EventDetail Event { get; private set; } = null!;
    [BindProperty] public RegistrationForm Form { get; set; } = new();

    public IReadOnlyList<Sector> Sectors { get; } = Enum.GetValues<Sector>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, fresh: true, cancellationToken) is { } stop) return stop;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        // The event's rules from the event page's shared read: the service checks the registration itself (places,
        // overlaps, the window), so a few seconds' staleness decides nothing. A form shown again is read afresh, as
        // the form always is, for its places left.
        if (await LoadAsync(id, fresh: false, cancellationToken) is { } stop) return stop;
        ModelState.Clear(); // binding's own messages are not GOV.UK's; the checks below are
        Check();
        if (!ModelState.IsValid) return await LoadAsync(id, fresh: true, cancellationToken) ?? Page();

        var result = await api.PostAsync<RegistrationCreated>($"api/events/{id}/registrations", Form.ToRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            ChoiceCheck.AddProblem(ModelState, "Form.Choices", result.Problem, RegistrationForm.ApiFields);
            return await LoadAsync(id, fresh: true, cancellationToken) ?? Page();
        }

        TempData[RegisteredEmail] = result.Value.Registration.Email;
        if (result.Value.Registration.ConfirmByAt is { } until) TempData[ConfirmByAt] = until.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return Redirect($"/events/{id}/registered");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool fresh, CancellationToken cancellationToken)
    {
        var path = $"api/events/{id}";
        var result = fresh
            ? await api.GetAsync<EventDetail>(path, cancellationToken)
            : await reads.GetAsync<EventDetail>(path, Freshness.EventPage, cancellationToken);
        if (!result.Succeeded) return NotFound();
        Event = result.Value;
        if (!Event.TakesRegistrations(time.GetUtcNow())) return Redirect($"/events/{id}");
        return null;
    }

    // In the order of the form, so the error summary reads as the page does.
    private void Check()
    {
        ChoiceCheck.Check(ModelState, "Form.Choices", Event.ChoiceRules, Event.Workshops.Count(), Form.Choices);
        if (string.IsNullOrWhiteSpace(Form.Name)) ModelState.AddModelError("Form.Name", "Enter your full name");
        if (string.IsNullOrWhiteSpace(Form.Email)) ModelState.AddModelError("Form.Email", "Enter your email address");
        else if (!Text.IsEmail(Form.Email.Trim()))
            ModelState.AddModelError("Form.Email", "Enter an email address in the correct format, like name@example.com");
        if (Form.Sector is null) ModelState.AddModelError("Form.Sector", "Select the sector you work in");
        if (!Form.Consent) ModelState.AddModelError("Form.Consent", "Confirm that we may keep your details to run the event");
    }
}
