using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.Contracts.Volunteers;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;

namespace Platform.Notifications.Transactional;

/// <summary>
/// Turns the Volunteers service's integration events into emails: the applicant's acknowledgement and status news,
/// a volunteer's milestone thanks, the re-engagement message, and reminders before a check or qualification lapses.
/// Links point at the public site's volunteering pages (web/Pages/Volunteering), never at the API.
/// </summary>
public sealed class VolunteersEmails(EmailTemplates templates, IOptions<NotificationsOptions> options)
{
    public const string ApplicationReceivedKind = "volunteer-application-received";
    public const string ApplicationStatusKind = "volunteer-application-status";
    public const string MilestoneKind = "volunteer-milestone";
    public const string ReengagementKind = "volunteer-reengagement";
    public const string CheckExpiringKind = "volunteer-check-expiring";
    public const string CheckInKind = "volunteer-check-in";
    public const string FreshLinkKind = "volunteer-fresh-link";

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public Uri ManageLink(string token) => new(options.Value.PublicBaseUrl, $"volunteering/applications/{Uri.EscapeDataString(token)}");

    public Uri VolunteerLink(string token) => new(options.Value.PublicBaseUrl, $"volunteering/you/{Uri.EscapeDataString(token)}");

    public Uri CheckInLink(string token) => new(options.Value.PublicBaseUrl, $"volunteering/check-ins/{Uri.EscapeDataString(token)}");

    public RenderedEmail CheckIn(CheckInDue e) =>
        templates.Render(CheckInKind, new
        {
            e.Name, e.OrganisationName, e.RoleTitle, CheckInLink = CheckInLink(e.CheckInToken).AbsoluteUri,
            ExpiresOn = e.ExpiresAt.UtcDateTime.ToString("d MMMM yyyy", British),
            VolunteerLink = e.VolunteerToken is null ? null : VolunteerLink(e.VolunteerToken).AbsoluteUri,
            VolunteerLinkExpiresOn = e.VolunteerLinkExpiresAt?.UtcDateTime.ToString("d MMMM yyyy", British),
        });

    public RenderedEmail FreshLink(VolunteerLinkRenewed e) =>
        templates.Render(FreshLinkKind, new
        {
            e.Name, e.OrganisationName, e.RoleTitle, VolunteerLink = VolunteerLink(e.VolunteerToken).AbsoluteUri,
            VolunteerLinkExpiresOn = e.LinkExpiresAt.UtcDateTime.ToString("d MMMM yyyy", British),
        });

    public RenderedEmail ApplicationReceived(ApplicationReceived e) =>
        templates.Render(ApplicationReceivedKind, new { e.Name, e.RoleTitle, e.OrganisationName, ManageLink = ManageLink(e.ManageToken).AbsoluteUri });

    public RenderedEmail ApplicationStatusChanged(ApplicationStatusChanged e) =>
        templates.Render(ApplicationStatusKind, new
        {
            e.Name,
            e.RoleTitle,
            e.OrganisationName,
            Stage = StageName(e.To),
            e.Reason,
            IsActive = e.To == "Active",
            IsDeclined = e.To == "Declined",
            VolunteerLink = e.VolunteerToken is null ? null : VolunteerLink(e.VolunteerToken).AbsoluteUri,
        });

    public RenderedEmail Milestone(MilestoneReached e) =>
        templates.Render(MilestoneKind, new { e.Name, e.OrganisationName, e.RoleTitle, e.Description, TotalHours = e.TotalHours.ToString("0.##", British) });

    public RenderedEmail Reengagement(VolunteerAtRisk e) =>
        templates.Render(ReengagementKind, new { e.Name, e.OrganisationName, e.OrganisationContactEmail, e.RoleTitle });

    public RenderedEmail CheckExpiring(CheckExpiring e, bool toOrganisation) =>
        templates.Render(CheckExpiringKind, new
        {
            e.Name,
            e.OrganisationName,
            e.Title,
            ExpiresOn = e.ExpiresOn.ToString("dddd d MMMM yyyy", British),
            ToOrganisation = toOrganisation,
        });

    /// <summary>Pipeline stages as a person would say them.</summary>
    public static string StageName(string stage) => stage switch
    {
        "BackgroundCheck" => "background check",
        "Active" => "active volunteer",
        _ => stage.ToLowerInvariant(),
    };
}
