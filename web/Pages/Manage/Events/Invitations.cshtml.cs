using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Events;
using Platform.Web.Manage;
using Platform.Web.Manage.Events;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>
/// An invitation-only event's invitees: add one and get their personal link to hand over (the organiser sends it, as
/// Events decided; the link is shown once, since only its code's hash is kept), see who has registered, withdraw an
/// unused invitation.
/// </summary>
public sealed class InvitationsModel(PlatformApi api) : StaffEventPage(api)
{
    public const int PageSize = 50;

    [FromQuery(Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }

    [TempData] public string? IssuedTo { get; set; }
    [TempData] public string? IssuedLink { get; set; }
    [TempData] public string? Done { get; set; }

    public Paged<InvitationView> Invitations { get; private set; } = null!;
    public int Pages => Math.Max(1, (Invitations.Total + PageSize - 1) / PageSize);
    public bool IsInvitationOnly => Event.Audience?.Kind == AudienceKind.InvitationOnly;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), "Enter the invitee's name");
        if (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@', StringComparison.Ordinal))
            ModelState.AddModelError(nameof(Email), "Enter the invitee's email address, like name@example.gov.uk");
        if (!ModelState.IsValid) return Page();

        var issued = await Api.PostAsync<InvitationIssued>($"api/events/{id}/invitations", new InvitationRequest(Name?.Trim(), Email?.Trim()), ct);
        if (!issued.Succeeded)
        {
            if (PageRefusal.Ends(issued.Problem)) return PageRefusal.Of(issued.Problem);
            ModelState.AddApiProblem(issued.Problem, new Dictionary<string, string> { ["name"] = nameof(Name), ["email"] = nameof(Email) });
            return Page();
        }
        IssuedTo = $"{issued.Value.Invitation.Name} ({issued.Value.Invitation.Email})";
        IssuedLink = $"{Request.Scheme}://{Request.Host}{issued.Value.RegistrationLink}";
        return Redirect($"/manage/events/{id}/invitations");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid invitationId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        var removed = await Api.DeleteAsync<NoContent>($"api/events/{id}/invitations/{invitationId}", ct);
        if (removed.Succeeded)
        {
            Done = "The invitation is withdrawn: its link no longer registers anyone.";
            return Redirect($"/manage/events/{id}/invitations");
        }
        if (PageRefusal.Ends(removed.Problem) && !removed.Problem.IsNotFound) return PageRefusal.Of(removed.Problem);
        ModelState.Clear();
        ModelState.AddModelError("", removed.Problem.Summary);
        return Page();
    }

    public string Href(int page) => $"/manage/events/{Event.Id}/invitations?p={page}";

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var list = await Api.GetAsync<Paged<InvitationView>>($"api/events/{id}/invitations?page={PageNumber}&pageSize={PageSize}", ct);
        if (!list.Succeeded) return PageRefusal.Of(list.Problem);
        Invitations = list.Value;
        return null;
    }
}
