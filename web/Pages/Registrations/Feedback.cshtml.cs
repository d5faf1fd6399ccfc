using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Events;
using Platform.Web.Site;

namespace Platform.Web.Pages.Registrations;

/// <summary>
/// The feedback survey, for a delegate the desk checked in: a rating from 1 to 5 for any of the sessions and free text.
/// Sending again replaces the answer, so the form opens with what was sent before. Before check-in the page says when
/// it opens instead of showing a form Events would refuse.
/// </summary>
public sealed class FeedbackModel(PlatformApi api) : ManagedRegistrationPage(api)
{
    [BindProperty] public Dictionary<Guid, int> Ratings { get; set; } = [];
    [BindProperty] public string? Comments { get; set; }

    public IReadOnlyList<Session> Sessions { get; private set; } = [];
    public bool CheckedIn => Registration.CheckedInAt is not null && Registration.Status == RegistrationStatus.Confirmed;
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, withEvent: true, cancellationToken) is { } stop) return stop;
        Sessions = Event is null ? [] : FeedbackAnswers.Rateable(Event);
        Message = TempData[ManageModel.MessageKey] as string;
        if (CheckedIn && await Api.GetAsync<Feedback>($"{ApiPath}/feedback", cancellationToken) is { Succeeded: true } given)
        {
            Ratings = given.Value.Ratings.ToDictionary(r => r.SessionId, r => r.Rating);
            Comments = given.Value.Comments;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, withEvent: true, cancellationToken) is { } stop) return stop;
        if (Event is null) return Redirect(SitePath);
        Sessions = FeedbackAnswers.Rateable(Event);
        ModelState.Clear();
        var request = FeedbackAnswers.ToRequest(Ratings, Comments, Sessions);
        if (request.Ratings.Count == 0 && request.Comments.Length == 0)
            ModelState.AddModelError(nameof(Comments), "Rate at least one session or write a comment");
        else if (request.Comments.Length > FeedbackAnswers.MaxComments)
            ModelState.AddModelError(nameof(Comments), $"Your comments must be {FeedbackAnswers.MaxComments} characters or fewer");
        if (!ModelState.IsValid) return Page();

        var saved = await Api.PutAsync<Feedback>($"{ApiPath}/feedback", request, cancellationToken);
        if (!saved.Succeeded)
        {
            if (saved.Problem.IsNotFound) return LinkNotRecognised();
            ModelState.AddApiProblem(saved.Problem, new Dictionary<string, string> { ["comments"] = nameof(Comments) });
            return Page();
        }

        TempData[ManageModel.MessageKey] = "Thank you. Your feedback has been saved.";
        return Redirect($"{SitePath}/feedback");
    }
}
