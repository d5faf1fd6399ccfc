using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Events;
using Platform.Web.Site;

namespace Platform.Web.Pages.Events;

/// <summary>
/// Published events, soonest first, filtered by a GET form (kind, district, dates) so a filtered list is a link anyone
/// can share and works without script. Paged as every list of the platform is (README, "Lists and paging").
/// </summary>
public sealed class IndexModel(PlatformApi api, SharedReads reads, TimeProvider time) : PageModel
{
    public const int PageSize = 10;

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    // From the query alone: Razor Pages keeps a route value named "page" for the page's own path, and a bound property
    // of that name read it, failed to convert, and stayed at 1 (every "Next page" showed the first page again).
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<string> Districts { get; private set; } = [];
    public Paged<EventSummary> Events { get; private set; } = new([], 1, PageSize, 0);
    public int PageCount => Math.Max(1, (Events.Total + PageSize - 1) / PageSize);
    public bool Filtered => Kind is not null || District is not null || From is not null || To is not null;

    public static readonly IReadOnlyList<EventKind> Kinds = [EventKind.Conference, EventKind.TrainingDay, EventKind.WorkshopDay];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear(); // the filters are read below, with the site's own messages
        var districts = await reads.GetAsync<DistrictList>("api/reference/districts", Freshness.ReferenceData, cancellationToken);
        Districts = districts.Succeeded ? districts.Value.Districts : [];
        Kind = Empty(Kind); District = Empty(District); From = Empty(From); To = Empty(To);
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);

        var query = new List<string> { $"page={PageNumber}", $"pageSize={PageSize}" };
        if (Kind is not null)
        {
            if (Kinds.Any(k => string.Equals(k.ToString(), Kind, StringComparison.OrdinalIgnoreCase))) query.Add($"kind={Uri.EscapeDataString(Kind)}");
            else ModelState.AddModelError(nameof(Kind), "Choose a kind of event from the list");
        }
        if (District is not null) query.Add($"district={Uri.EscapeDataString(District)}");
        if (Date(nameof(From), From, "Enter the start date as a real date, for example 2027-03-27") is { } from)
            query.Add($"from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}");
        if (Date(nameof(To), To, "Enter the end date as a real date, for example 2027-03-28") is { } to)
            query.Add($"to={Uri.EscapeDataString(to.AddDays(1).ToString("O", CultureInfo.InvariantCulture))}"); // the whole of the last day
        if (!ModelState.IsValid) return;

        // The list as it opens (no filter) is what most visitors see first: shared for a few seconds. A filtered list is
        // one visitor's question, read afresh.
        var path = "api/events?" + string.Join('&', query);
        var result = Filtered
            ? await api.GetAsync<Paged<EventSummary>>(path, cancellationToken)
            : await reads.GetAsync<Paged<EventSummary>>(path, Freshness.EventList, cancellationToken);
        if (result.Succeeded) Events = result.Value;
        else ModelState.AddApiProblem(result.Problem, new Dictionary<string, string> { ["district"] = nameof(District), ["to"] = nameof(To), ["from"] = nameof(From) });
    }

    /// <summary>The link to another page of the same filtered list.</summary>
    public string PageLink(int page)
    {
        var parts = new List<string>();
        if (Kind is not null) parts.Add($"kind={Uri.EscapeDataString(Kind)}");
        if (District is not null) parts.Add($"district={Uri.EscapeDataString(District)}");
        if (From is not null) parts.Add($"from={Uri.EscapeDataString(From)}");
        if (To is not null) parts.Add($"to={Uri.EscapeDataString(To)}");
        parts.Add($"page={page}");
        return "/events?" + string.Join('&', parts);
    }

    private DateTimeOffset? Date(string field, string? value, string message)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), EventWords.Local(time.GetUtcNow()).Offset);
        ModelState.AddModelError(field, message);
        return null;
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
