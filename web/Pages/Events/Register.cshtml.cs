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
/// held until ride along in TempData, so nothing about the registration is kept in the site. A full event that keeps
/// a waitlist answers with a place in its queue instead, and the visitor sees that page, not an error.
/// </summary>
public sealed class RegisterModel(PlatformApi api, SharedReads reads, TimeProvider time) : PageModel
{
    public const string RegisteredEmail = "events-registered-email";
    public const string ConfirmByAt = "events-confirm-by";

    public EventDetail Event { get; private set; } = null!;
    [BindProperty] public RegistrationForm Form { get; set; } = new();

    public const string WaitlistPosition = "events-waitlist-position";

    public IReadOnlyList<Sector> Sectors { get; } = Enum.GetValues<Sector>();
    public IReadOnlyList<AccessNeed> AccessNeeds { get; } = Enum.GetValues<AccessNeed>();
    public IReadOnlyList<DietaryRequirement> Diets { get; } = Enum.GetValues<DietaryRequirement>();

    /// <summary>
    /// The code field shows where a code can matter: a restricted event with a code, an invitation-only event, or a
    /// visitor who arrived with one (the invitation link's <c>?invitation=</c>, as Events makes it).
    /// </summary>
    public bool ShowsInvitationCode =>
        Event.Audience is { Kind: AudienceKind.InvitationOnly } or { Kind: AudienceKind.Restricted, HasInvitationCode: true }
        || !string.IsNullOrWhiteSpace(Form.InvitationCode);

    public async Task<IActionResult> OnGetAsync(Guid id, string? invitation, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, fresh: true, cancellationToken) is { } stop) return stop;
        Form.InvitationCode = invitation?.Trim();
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

        var result = await api.PostAsync<RegistrationAnswer>($"api/events/{id}/registrations", Form.ToRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            if (!AudienceProblems.TryAdd(ModelState, result.Problem, Form))
                ChoiceCheck.AddProblem(ModelState, "Form.Choices", result.Problem, RegistrationForm.ApiFields);
            return await LoadAsync(id, fresh: true, cancellationToken) ?? Page();
        }

        if (result.Value is { Waitlisted: true, Position: { } position })
        {
            // A full event that keeps a waitlist: no registration yet, only a place in the queue.
            TempData[WaitlistPosition] = position;
            TempData[RegisteredEmail] = result.Value.Email ?? Form.Email?.Trim();
            return Redirect($"/events/{id}/waiting-list");
        }

        var registration = result.Value.Registration ?? throw new PlatformUnavailableException($"Registering for {id} answered neither a registration nor a place in the queue.");
        TempData[RegisteredEmail] = registration.Email;
        if (registration.ConfirmByAt is { } until) TempData[ConfirmByAt] = until.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
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
