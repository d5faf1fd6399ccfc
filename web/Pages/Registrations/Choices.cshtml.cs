using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Events;
using Platform.Web.Site;

namespace Platform.Web.Pages.Registrations;

/// <summary>Changing workshop choices under the same rule as registering; the API decides places and waiting lists.</summary>
public sealed class ChoicesModel(PlatformApi api) : ManagedRegistrationPage(api)
{
    [BindProperty] public List<Guid> Choices { get; set; } = [];

    /// <summary>Workshops the delegate already holds a place in: never shown as full to them.</summary>
    public IReadOnlyCollection<Guid> Held { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, withEvent: true, cancellationToken) is { } stop) return stop;
        if (Unchangeable() is { } away) return away;
        Choices = Registration.Choices.Select(c => c.SessionId).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, withEvent: true, cancellationToken) is { } stop) return stop;
        if (Unchangeable() is { } away) return away;
        ModelState.Clear();
        ChoiceCheck.Check(ModelState, nameof(Choices), Event!.ChoiceRules, Event.Workshops.Count(), Choices);
        if (!ModelState.IsValid) return Page();

        var result = await Api.PutAsync<Registration>($"{ApiPath}/choices", new ChangeChoicesRequest(Choices.Distinct().ToList()), cancellationToken);
        if (!result.Succeeded)
        {
            ChoiceCheck.AddProblem(ModelState, nameof(Choices), result.Problem, new Dictionary<string, string> { ["choices"] = nameof(Choices) });
            return Page();
        }

        TempData[ManageModel.MessageKey] = "Your workshops have been changed. We have emailed you the new details.";
        return Redirect(SitePath);
    }

    private IActionResult? Unchangeable()
    {
        Held = Registration.Choices.Where(c => c.Status is ChoiceStatus.Confirmed or ChoiceStatus.Offered).Select(c => c.SessionId).ToList();
        return Registration.Status == RegistrationStatus.Cancelled || Event is null ? Redirect(SitePath) : null;
    }
}
