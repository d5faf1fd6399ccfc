using System.Text;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;
using Platform.ServiceDefaults.Serialization;

namespace Platform.Events.Reports;

/// <summary>
/// RFC 4180 CSV of an event's registrations. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR)
/// are prefixed with an apostrophe: the text comes from the public and the file is opened by staff.
/// </summary>
public static class DelegateCsv
{
    private static readonly string[] Header =
    [
        "registration_id", "name", "email", "organisation", "sector", "role", "accessibility_needs", "dietary_needs",
        "consent_to_delegate_list", "status", "registered_at", "checked_in_at", "confirmed_workshops", "waitlisted_workshops",
        "consent_to_photography", "access_need_kinds", "dietary_requirement_kinds",
    ];

    public static byte[] Create(PartnershipEvent e, IEnumerable<Registration> registrations)
    {
        var titles = e.Sessions.ToDictionary(s => s.Id, s => s.Title);
        var csv = new StringBuilder();
        Row(csv, Header);
        foreach (var r in registrations)
        {
            string Workshops(ChoiceStatus status) =>
                string.Join("; ", r.Choices.Where(c => c.Status == status).Select(c => titles.GetValueOrDefault(c.SessionId, "?")).Order());
            Row(csv,
            [
                r.Id.ToString(), r.Name, r.Email, r.Organisation, r.Sector.ToString(), r.Role, r.AccessibilityNeeds, r.DietaryNeeds,
                r.ConsentToDelegateList ? "yes" : "no", r.Status.ToString(), r.CreatedAt.ToLondon().ToString("yyyy-MM-dd HH:mm"),
                r.CheckedInAt?.ToLondon().ToString("yyyy-MM-dd HH:mm") ?? "",
                Workshops(ChoiceStatus.Confirmed), Workshops(ChoiceStatus.Waitlisted),
                r.ConsentToPhotography ? "yes" : "no",
                string.Join("; ", r.AccessNeedKinds.Select(EnumSpelling.Of)), string.Join("; ", r.DietaryRequirementKinds.Select(EnumSpelling.Of)),
            ]);
        }
        // A BOM so Excel reads the UTF-8 names correctly.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    internal static void Row(StringBuilder csv, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) csv.Append(',');
            csv.Append(Cell(cells[i]));
        }
        csv.Append("\r\n");
    }

    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
