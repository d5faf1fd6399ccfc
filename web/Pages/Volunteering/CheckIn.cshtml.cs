using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Site;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Volunteering;

/// <summary>
/// The periodic check-in behind its own emailed link: how satisfied the volunteer is (1 to 5) and any comment,
/// answered once; then the thank-you page.
/// </summary>
public sealed class CheckInModel(PlatformApi api) : PageModel
{
    public const int CommentLimit = 4000;

    public static readonly IReadOnlyList<(int Score, string Text)> Scores =
    [
        (5, "Very happy"), (4, "Happy"), (3, "Neither happy nor unhappy"), (2, "Unhappy"), (1, "Very unhappy"),
    ];

    public CheckInQuestion? Question { get; private set; }

    [BindProperty] public int? Score { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public string ThankYou => $"/volunteering/check-ins/{Uri.EscapeDataString(RouteData.Values["token"]?.ToString() ?? "")}/thank-you";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, cancellationToken) && Question!.Answered) return Redirect(ThankYou);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken)) return Page();
        ModelState.Clear();
        if (Score is null or < 1 or > 5) ModelState.AddModelError(nameof(Score), "Select how happy you are volunteering with us");
        if (Comment is { Length: > CommentLimit }) ModelState.AddModelError(nameof(Comment), $"Your comments must be {CommentLimit} characters or fewer");
        if (!ModelState.IsValid) return Page();

        var answered = await api.PostAsync<NoContent>(VolunteeringApi.CheckIn(token),
            new CheckInAnswer(Score, string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim()), cancellationToken);
        if (answered.Succeeded) return Redirect(ThankYou);
        ModelState.AddApiProblem(answered.Problem, new Dictionary<string, string> { ["score"] = nameof(Score), ["comment"] = nameof(Comment) });
        return Page();
    }

    private async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var found = await api.GetAsync<CheckInQuestion>(VolunteeringApi.CheckIn(token), cancellationToken);
        if (found.Succeeded)
        {
            Question = found.Value;
            return true;
        }

        Response.StatusCode = StatusCodes.Status404NotFound;
        return false;
    }
}
