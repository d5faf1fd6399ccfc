using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Manage.Events;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>Changing an event's details; its choice rule is kept as it is (it has a form of its own on the event page).</summary>
public sealed class EditModel(PlatformApi api, SharedReads reads) : StaffEventPage(api)
{
    [BindProperty] public EventForm Form { get; set; } = new();
    public IReadOnlyList<string> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        Form = EventForm.From(Event);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        ModelState.Clear();
        Form.Check(ModelState);
        if (ModelState.IsValid)
        {
            var saved = await Api.PutAsync<StaffEvent>($"api/events/{id}", Form.ToRequest(Event.ChoiceRules, Event.Audience), ct);
            if (saved.Succeeded) return Redirect($"/manage/events/{id}");
            ModelState.AddApiProblem(saved.Problem, EventForm.ApiFields);
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        Districts = await NewModel.DistrictsAsync(reads, ct);
        return null;
    }
}
