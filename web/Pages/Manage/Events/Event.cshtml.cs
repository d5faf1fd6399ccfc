using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Events;
using Platform.Web.Manage.Events;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>
/// One event for its organisers: its details and status, the programme, the choice rule, and the ways on (publish,
/// close, cancel; registrations, the check-in desk, the report, speakers, invitations; for staff also pitches and
/// stands, questions and feedback). Each action is a form that posts here and comes back.
/// </summary>
public sealed class EventModel(PlatformApi api) : StaffEventPage(api)
{
    [BindProperty] public string? MinWorkshops { get; set; }
    [BindProperty] public string? MaxWorkshops { get; set; }

    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        MinWorkshops = Event.ChoiceRules.MinWorkshops.ToString(EventWords.Culture);
        MaxWorkshops = Event.ChoiceRules.MaxWorkshops.ToString(EventWords.Culture);
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => TransitionAsync(id, "publish", "The event is published: the public can see it and register.", ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => TransitionAsync(id, "close", "The event is closed: it takes no more registrations.", ct);

    public async Task<IActionResult> OnPostChoiceRuleAsync(Guid id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        ModelState.Clear();
        var min = Count("MinWorkshops", MinWorkshops, "the fewest workshops a delegate chooses");
        var max = Count("MaxWorkshops", MaxWorkshops, "the most workshops a delegate chooses");
        if (min > max) ModelState.AddModelError("MaxWorkshops", "The most workshops must be at least the fewest");
        if (!ModelState.IsValid) return Page();

        var saved = await Api.PutAsync<StaffEvent>($"api/events/{id}", EventForm.From(Event).ToRequest(new ChoiceRules(min, max), Event.Audience), ct);
        if (!saved.Succeeded)
        {
            ModelState.AddApiProblem(saved.Problem, new Dictionary<string, string> { ["minWorkshops"] = "MinWorkshops", ["maxWorkshops"] = "MaxWorkshops" });
            return Page();
        }
        Done = $"Choice rule saved: {EventsDeskWords.Rule(saved.Value.ChoiceRules, saved.Value.Workshops.Count())}.";
        return Redirect($"/manage/events/{id}");
    }

    private int Count(string key, string? typed, string what)
    {
        if (int.TryParse(typed, EventWords.Culture, out var n) && n >= 0) return n;
        ModelState.AddModelError(key, $"Enter {what} as a whole number, like 2");
        return 0;
    }

    private async Task<IActionResult> TransitionAsync(Guid id, string action, string done, CancellationToken ct)
    {
        var made = await Api.PostAsync<StaffEvent>($"api/events/{id}/{action}", null, ct);
        if (made.Succeeded)
        {
            Done = done;
            return Redirect($"/manage/events/{id}");
        }
        if (made.Problem.IsNotFound) return NotFound();
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        ModelState.AddModelError("", made.Problem.Summary);
        MinWorkshops = Event.ChoiceRules.MinWorkshops.ToString(EventWords.Culture);
        MaxWorkshops = Event.ChoiceRules.MaxWorkshops.ToString(EventWords.Culture);
        return Page();
    }

}
