using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;
using Platform.Web.Volunteering;

namespace Platform.Web.Pages.Volunteering;

/// <summary>
/// The volunteer's own page: where they stand, the hours they have logged, and what they can do next; once they have
/// left, only that they have left, and thanks.
/// </summary>
public sealed class YouModel(PlatformApi api) : VolunteerLinkPage(api)
{
    /// <summary>What was just done (after a redirect): hours, paused or left, for the success banner.</summary>
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public IReadOnlyList<HoursEntry> Hours { get; private set; } = [];
    public int HoursTotal { get; private set; }

    public override async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken)) return Page();
        // After leaving, the link shows only that (the API no longer lists the hours to it).
        if (Volunteer!.Status.Equals("left", StringComparison.OrdinalIgnoreCase)) return Page();
        var hours = await Api.GetAsync<Paged<HoursEntry>>($"{VolunteeringApi.Volunteer(token)}/hours?pageSize=20", cancellationToken);
        if (hours.Succeeded)
        {
            Hours = hours.Value.Items;
            HoursTotal = hours.Value.Total;
        }

        return Page();
    }

    public string? Banner => Done switch
    {
        "hours" => "Your hours have been logged. The organisation will approve them.",
        "paused" => "Your break has been recorded. The organisation has been told.",
        "left" => "You have left. Thank you for everything you have done as a volunteer.",
        _ => null,
    };
}
