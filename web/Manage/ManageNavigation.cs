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
        new("/manage/events", "Events", "/Manage/Events", ManageAccess.StaffOnly),
        new("/manage/volunteering", "Volunteering", "/Manage/Volunteering", ManageAccess.StaffAndOrganisations),
        new("/manage/awards", "Awards", "/Manage/Awards", ManageAccess.StaffOnly),
        new("/manage/news", "News", "/Manage/News", ManageAccess.StaffOnly),
        new("/manage/accounts", "Accounts", "/Manage/Accounts", ManageAccess.StaffOnly),
        new("/manage/api-keys", "API keys", "/Manage/ApiKeys", ManageAccess.StaffOnly),
    ];

    public static IEnumerable<ManageSection> For(ManageUser user) => Sections.Where(s => s.Access.Admits(user));
}
