using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Manage.Events;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>Adding an item to the programme, or changing or removing one (a workshop someone chose stays: the API says why).</summary>
public sealed class SessionModel(PlatformApi api) : StaffEventPage(api)
{
    public Guid? SessionId { get; private set; }
    [BindProperty] public SessionForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? sessionId, CancellationToken ct)
    {
        if (await LoadAsync(id, sessionId, ct) is { } stop) return stop;
        Form = (sessionId is { } s ? SessionForm.From(Event.Programme.Single(x => x.Id == s)) : Blank()).WithRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? sessionId, CancellationToken ct)
    {
        if (await LoadAsync(id, sessionId, ct) is { } stop) return stop;
        ModelState.Clear();
        Form.Check(ModelState);
        if (ModelState.IsValid)
        {
            var saved = sessionId is { } s
                ? await Api.PutAsync<Platform.Web.Events.Session>($"api/events/{id}/sessions/{s}", Form.ToRequest(), ct)
                : await Api.PostAsync<Platform.Web.Events.Session>($"api/events/{id}/sessions", Form.ToRequest(), ct);
            if (saved.Succeeded) return Redirect($"/manage/events/{id}");
            ModelState.AddApiProblem(saved.Problem, SessionForm.ApiFields);
        }
        Form.WithRows();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid sessionId, CancellationToken ct)
    {
        if (await LoadAsync(id, sessionId, ct) is { } stop) return stop;
        var removed = await Api.DeleteAsync<NoContent>($"api/events/{id}/sessions/{sessionId}", ct);
        if (removed.Succeeded) return Redirect($"/manage/events/{id}");
        ModelState.Clear();
        ModelState.AddModelError("", removed.Problem.Summary);
        Form = SessionForm.From(Event.Programme.Single(x => x.Id == sessionId)).WithRows();
        return Page();
    }

    /// <summary>A new item starts where the event starts, an hour long: most programmes are built from the morning on.</summary>
    private SessionForm Blank() => new()
    {
        StartsAt = LocalTimes.Field(Event.StartsAt),
        EndsAt = LocalTimes.Field(Event.StartsAt.AddHours(1)),
    };

    private async Task<IActionResult?> LoadAsync(Guid id, Guid? sessionId, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        SessionId = sessionId;
        if (sessionId is { } s && Event.Programme.All(x => x.Id != s)) return NotFound();
        return null;
    }
}
