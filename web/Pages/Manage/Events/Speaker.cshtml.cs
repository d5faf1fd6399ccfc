using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Manage.Events;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>Adding a speaker, or changing or removing one: who they are, the sessions they speak at, consent to publish.</summary>
public sealed class SpeakerModel(PlatformApi api) : StaffEventPage(api)
{
    public Guid? SpeakerId { get; private set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? Biography { get; set; }
    [BindProperty] public bool ConsentToPublish { get; set; }
    [BindProperty] public List<Guid> SessionIds { get; set; } = [];

    public static readonly IReadOnlyList<string> Order = ["", nameof(Name), nameof(Role), nameof(Organisation), nameof(Biography), nameof(SessionIds)];

    private static readonly Dictionary<string, string> ApiFields = new()
    {
        ["name"] = nameof(Name), ["role"] = nameof(Role), ["organisation"] = nameof(Organisation), ["biography"] = nameof(Biography),
        ["sessionIds"] = nameof(SessionIds),
    };

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? speakerId, CancellationToken ct)
    {
        if (await LoadAsync(id, speakerId, ct) is { } stop) return stop;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? speakerId, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        SpeakerId = speakerId;
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), "Enter the speaker's name");
        if (!ModelState.IsValid) return Page();

        var request = new SpeakerRequest(Name?.Trim(), Role?.Trim(), Organisation?.Trim(), Biography?.Trim(), ConsentToPublish, SessionIds);
        var saved = speakerId is { } s
            ? await Api.PutAsync<SpeakerView>($"api/events/{id}/speakers/{s}", request, ct)
            : await Api.PostAsync<SpeakerView>($"api/events/{id}/speakers", request, ct);
        if (saved.Succeeded) return Redirect($"/manage/events/{id}/speakers");
        if (PageRefusal.Ends(saved.Problem)) return PageRefusal.Of(saved.Problem);
        ModelState.AddApiProblem(saved.Problem, ApiFields);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid speakerId, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        var removed = await Api.DeleteAsync<NoContent>($"api/events/{id}/speakers/{speakerId}", ct);
        return removed.Succeeded || removed.Problem.IsNotFound ? Redirect($"/manage/events/{id}/speakers") : PageRefusal.Of(removed.Problem);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid? speakerId, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        SpeakerId = speakerId;
        if (speakerId is not { } wanted) return null;
        // There is no read of one speaker: an event's few speakers come in one page.
        var list = await Api.GetAsync<Paged<SpeakerView>>($"api/events/{id}/speakers?pageSize={SpeakersModel.Shown}", ct);
        if (!list.Succeeded) return PageRefusal.Of(list.Problem);
        if (list.Value.Items.FirstOrDefault(s => s.Id == wanted) is not { } speaker) return NotFound();
        (Name, Role, Organisation, Biography, ConsentToPublish, SessionIds) =
            (speaker.Name, speaker.Role, speaker.Organisation, speaker.Biography, speaker.ConsentToPublish, speaker.SessionIds.ToList());
        return null;
    }
}
