using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Events;
using Platform.Web.Manage;
using Platform.Web.Manage.Events;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>
/// What checked-in delegates said afterwards: each session's average rating as a chart with its numbers, how many
/// gave each rating, and every response as CSV. Staff only, as Events' feedback figures are.
/// </summary>
[StaffOnly]
public sealed class FeedbackModel(PlatformApi api) : StaffEventPage(api)
{
    public FeedbackFigures Figures { get; private set; } = null!;

    /// <summary>Sessions nobody rated have no average and no bar (a zero would read as the worst rating).</summary>
    public BarChart Averages => new("session-ratings", "Average rating of each session (1 to 5)", "Session", "Average rating",
        Figures.Sessions.Where(s => s.Average is not null).Select(s => new ChartBar(s.Title, s.Average!.Value)).ToList());

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } stop) return stop;
        var figures = await Api.GetAsync<FeedbackFigures>($"api/events/{id}/feedback", ct);
        if (!figures.Succeeded) return PageRefusal.Of(figures.Problem);
        Figures = figures.Value;
        return Page();
    }

    public static string Average(double? average) => average is { } a ? a.ToString("0.00", EventWords.Culture) : "No ratings";
}
