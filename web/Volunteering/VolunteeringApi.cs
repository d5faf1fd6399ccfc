using Platform.Web.Api;

namespace Platform.Web.Volunteering;

/// <summary>The Volunteers service's paths as the pages call them (through the gateway), tokens escaped.</summary>
public static class VolunteeringApi
{
    /// <summary>The public role search with the filters given (blank ones left out) and a page size.</summary>
    public static string SearchPath(IEnumerable<KeyValuePair<string, string?>> filters, int pageSize) =>
        "api/volunteers/roles" + QueryString.Create(filters.Where(p => !string.IsNullOrEmpty(p.Value))
            .Append(new("pageSize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public static string Role(Guid id) => $"api/volunteers/roles/{id}";

    public static string Apply(Guid roleId) => $"api/volunteers/roles/{roleId}/applications";

    public static string Application(string token) => $"api/volunteers/applications/{Uri.EscapeDataString(token)}";

    public static string Volunteer(string token) => $"api/volunteers/volunteering/{Uri.EscapeDataString(token)}";

    public static string CheckIn(string token) => $"api/volunteers/check-ins/{Uri.EscapeDataString(token)}";

    /// <summary>A fresh volunteer link emailed to an address (always 202).</summary>
    public const string FreshLink = "api/volunteers/volunteering/link-requests";

    /// <summary>The platform's district list, for the pickers (GET /api/reference/districts).</summary>
    public static async Task<IReadOnlyList<string>> DistrictsAsync(SharedReads reads, CancellationToken cancellationToken)
    {
        var found = await reads.GetAsync<DistrictList>("api/reference/districts", Freshness.ReferenceData, cancellationToken);
        return found.Succeeded ? found.Value.Districts ?? [] : [];
    }
}
