using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Manage;
using Platform.Web.Manage.Events;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>An event's speakers, consented to publish or not (the public programme shows only those who consented).</summary>
public sealed class SpeakersModel(PlatformApi api) : StaffEventPage(api)
{
    /// <summary>An event has a handful of speakers; a page of 100 is all of them.</summary>
    public const int Shown = 100;

    public Paged<SpeakerView> Speakers { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        var list = await Api.GetAsync<Paged<SpeakerView>>($"api/events/{id}/speakers?pageSize={Shown}", ct);
        if (!list.Succeeded) return PageRefusal.Of(list.Problem);
        Speakers = list.Value;
        return Page();
    }

    public string Sessions(SpeakerView s) =>
        string.Join(", ", Event.Programme.Where(p => s.SessionIds.Contains(p.Id)).Select(p => p.Title));
}
