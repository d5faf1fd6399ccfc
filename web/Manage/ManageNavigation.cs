namespace Platform.Web.Manage;

/// <summary>One area of the back office in its navigation: where it is, and who sees the link.</summary>
public sealed record ManageSection(string Href, string Text, string Folder, ManageAccess Access);

/// <summary>
/// The back office's areas, in the order of its navigation, each with the folder of pages it guards (see
/// <see cref="ManageExtensions"/>): a link is shown to the users its folder admits.
/// </summary>
public static class ManageNavigation
{
    public static readonly IReadOnlyList<ManageSection> Sections =
    [
        // Organisation users run their own training days (Events' events-organiser policy; the API answers 404 for
        // anyone else's event); the pages calling staff-only APIs are marked [StaffOnly].
        new("/manage/events", "Events", "/Manage/Events", ManageAccess.StaffAndOrganisations),
        new("/manage/volunteering", "Volunteering", "/Manage/Volunteering", ManageAccess.StaffAndOrganisations),
        new("/manage/awards", "Awards", "/Manage/Awards", ManageAccess.StaffOnly),
        // Judges are staff or organisation users on a category's panel: their pages are a folder of their own (the
        // Awards service decides who sits on which panel; an organisation user on none sees an empty list).
        new("/manage/awards/judging", "Judging", "/Manage/Judging", ManageAccess.StaffAndOrganisations),
        new("/manage/news", "News", "/Manage/News", ManageAccess.StaffOnly),
        new("/manage/accounts", "Accounts", "/Manage/Accounts", ManageAccess.StaffOnly),
        new("/manage/api-keys", "API keys", "/Manage/ApiKeys", ManageAccess.StaffOnly),
    ];

    public static IEnumerable<ManageSection> For(ManageUser user) => Sections.Where(s => s.Access.Admits(user));
}
