using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Site;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Volunteering;

/// <summary>Logging hours through the volunteer's link: the day, how long, what they did. The organisation approves them.</summary>
public sealed class LogHoursModel(PlatformApi api) : VolunteerLinkPage(api)
{
    public const int ActivityLimit = 500;

    [BindProperty] public DateParts Date { get; set; } = new();
    [BindProperty] public string? Hours { get; set; }
    [BindProperty] public string? Activity { get; set; }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken)) return Page();
        ModelState.Clear();
        if (Date.IsEmpty) ModelState.AddModelError(nameof(Date), "Enter the date you volunteered");
        // Whether the date is in the future is the service's to say, by its own clock (its problem lands on this field).
        else if (Date.Value is null) ModelState.AddModelError(nameof(Date), "The date must be a real date, like 27 3 2026");
        decimal? hours = null;
        if (string.IsNullOrWhiteSpace(Hours)) ModelState.AddModelError(nameof(Hours), "Enter how many hours you volunteered");
        else if (!decimal.TryParse(Hours.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var h) || h <= 0)
            ModelState.AddModelError(nameof(Hours), "Enter the hours as a number, like 2 or 1.5");
        else if (h > 24) ModelState.AddModelError(nameof(Hours), "You cannot log more than 24 hours in a day");
        else hours = h;
        if (Activity is { Length: > ActivityLimit }) ModelState.AddModelError(nameof(Activity), $"What you did must be {ActivityLimit} characters or fewer");
        if (!ModelState.IsValid) return Page();

        var logged = await Api.PostAsync<HoursLogged>($"{VolunteeringApi.Volunteer(token)}/hours",
            new HoursRequest(Date.Value, hours, string.IsNullOrWhiteSpace(Activity) ? null : Activity.Trim()), cancellationToken);
        if (logged.Succeeded) return Redirect($"{Home}?done=hours");
        ModelState.AddApiProblem(logged.Problem, Fields);
        return Page();
    }

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["date"] = nameof(Date), ["hours"] = nameof(Hours), ["activity"] = nameof(Activity),
    };
}
