using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Events;
using Platform.Web.Site;

namespace Platform.Web.Pages.Registrations;

/// <summary>
/// Questions for the panel, asked through the manage link before or during the event: the form, and the questions
/// already asked with whether the moderators have put them to the chair. Events decides when asking is over.
/// </summary>
public sealed class QuestionsModel(PlatformApi api) : ManagedRegistrationPage(api)
{
    /// <summary>The same length Events takes, so the page says so before the API has to.</summary>
    public const int MaxLength = 500;

    [BindProperty] public string? Text { get; set; }

    public IReadOnlyList<PanelQuestion> Asked { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, withEvent: false, cancellationToken) is { } stop) return stop;
        Message = TempData[ManageModel.MessageKey] as string;
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, withEvent: false, cancellationToken) is { } stop) return stop;
        ModelState.Clear();
        var text = Text?.Trim();
        if (string.IsNullOrEmpty(text)) ModelState.AddModelError(nameof(Text), "Enter your question");
        else if (text.Length > MaxLength) ModelState.AddModelError(nameof(Text), $"Your question must be {MaxLength} characters or fewer");
        if (!ModelState.IsValid) return await ShowAsync(cancellationToken);

        var asked = await Api.PostAsync<PanelQuestion>($"{ApiPath}/questions", new AskQuestionRequest(text!), cancellationToken);
        if (!asked.Succeeded)
        {
            // Past the event's end, over the limit of open questions, a cancelled place: Events' sentence says which.
            if (asked.Problem.Status == StatusCodes.Status404NotFound) return LinkNotRecognised();
            ModelState.AddApiProblem(asked.Problem, new Dictionary<string, string> { ["text"] = nameof(Text) });
            return await ShowAsync(cancellationToken);
        }

        TempData[ManageModel.MessageKey] = "Your question has been sent. The moderators will decide whether to put it to the panel.";
        return Redirect($"{SitePath}/questions");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var mine = await Api.GetAsync<Paged<PanelQuestion>>($"{ApiPath}/questions?pageSize=20", cancellationToken);
        Asked = mine.Succeeded ? mine.Value.Items : [];
        return Page();
    }

    public static string StatusWords(QuestionStatus status) => status switch
    {
        QuestionStatus.Approved => "Put to the panel",
        QuestionStatus.Rejected => "Not chosen",
        _ => "Waiting for the moderators",
    };
}
