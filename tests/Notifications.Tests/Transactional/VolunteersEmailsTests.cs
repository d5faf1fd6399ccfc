using Microsoft.Extensions.Options;
using Platform.Contracts.Volunteers;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.Tests.Transactional;

public sealed class VolunteersEmailsTests
{
    private static readonly OfficeOptions Office = new() { CountyName = "Northshire Commissioner's Office", ContactEmail = "office@northshire.example" };

    private static readonly VolunteersEmails Emails = new(
        new EmailTemplates(Options.Create(Office)),
        Options.Create(new NotificationsOptions { PublicBaseUrl = new Uri("https://partnership.example.org/") }));

    public static TheoryData<string> EveryKind => new()
    {
        VolunteersEmails.ApplicationReceivedKind, VolunteersEmails.ApplicationStatusKind, VolunteersEmails.MilestoneKind,
        VolunteersEmails.ReengagementKind, VolunteersEmails.CheckExpiringKind, VolunteersEmails.CheckInKind, VolunteersEmails.FreshLinkKind,
    };

    private static RenderedEmail Render(string kind, string name = "<b>Val</b>", string role = "Speed <watch>", string organisation = "Pastors & Co")
    {
        Guid Id() => Guid.CreateVersion7();
        return kind switch
        {
            VolunteersEmails.ApplicationReceivedKind => Emails.ApplicationReceived(new(Id(), Id(), Id(), organisation, role, name, "val@example.org", "manage-tok_en+/")),
            VolunteersEmails.ApplicationStatusKind => Emails.ApplicationStatusChanged(new(Id(), Id(), Id(), organisation, role, name, "val@example.org",
                "Applied", "Screening", null, "organisation:1", null, null)),
            VolunteersEmails.MilestoneKind => Emails.Milestone(new(Id(), Id(), organisation, Id(), role, "RoadSafety", "Castleton", name, "val@example.org",
                "Hours10", "10 hours of volunteering", 10.5m, DateTimeOffset.UtcNow)),
            VolunteersEmails.ReengagementKind => Emails.Reengagement(new(Id(), Id(), organisation, "contact@pastors.example", role, name, "val@example.org",
                ["No activity logged for 46 days."], DateTimeOffset.UtcNow)),
            VolunteersEmails.CheckExpiringKind => Emails.CheckExpiring(new(Id(), Id(), Id(), organisation, "contact@pastors.example", name, "val@example.org",
                "BackgroundCheck", role, new DateOnly(2026, 3, 3)), toOrganisation: false),
            VolunteersEmails.CheckInKind => Emails.CheckIn(new(Id(), Id(), organisation, role, name, "val@example.org", "check-in-token",
                new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), "volunteer-token", new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero))),
            VolunteersEmails.FreshLinkKind => Emails.FreshLink(new(Id(), Id(), organisation, role, name, "val@example.org", "fresh-volunteer-token",
                new DateTimeOffset(2026, 8, 2, 0, 0, 0, TimeSpan.Zero))),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Every_kind_has_both_parts_the_footer_escapes_html_and_keeps_the_text_readable(string kind)
    {
        var email = Render(kind);

        Assert.Contains("office@northshire.example", email.TextBody);
        Assert.Contains("office@northshire.example", email.HtmlBody);
        Assert.DoesNotContain("<b>Val</b>", email.HtmlBody);
        Assert.Contains("&lt;b&gt;Val&lt;/b&gt;", email.HtmlBody);
        Assert.Contains("<b>Val</b>", email.TextBody);
        Assert.DoesNotContain("&lt;", email.TextBody);
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void A_typed_line_break_cannot_add_a_header_through_the_subject(string kind)
    {
        var email = Render(kind, role: "Speedwatch\r\nBcc: victim@example.org\n", organisation: "Pastors\r\nBcc: victim@example.org");

        Assert.DoesNotContain('\r', email.Subject);
        Assert.DoesNotContain('\n', email.Subject);
    }

    [Fact]
    public void The_acknowledgement_links_to_the_manage_page_and_the_welcome_to_the_volunteer_link_on_the_public_gateway()
    {
        var acknowledgement = Render(VolunteersEmails.ApplicationReceivedKind);
        const string manage = "https://partnership.example.org/volunteering/applications/manage-tok_en%2B%2F";
        Assert.Contains(manage, acknowledgement.TextBody);
        Assert.Contains($"href=\"{manage}\"", acknowledgement.HtmlBody);

        var welcome = Emails.ApplicationStatusChanged(new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "Pastors", "Speedwatch", "Val",
            "val@example.org", "Onboarding", "Active", null, "organisation:1", Guid.CreateVersion7(), "volunteer-token"));
        Assert.StartsWith("Welcome aboard", welcome.Subject);
        Assert.Contains("https://partnership.example.org/volunteering/you/volunteer-token", welcome.TextBody);

        var declined = Emails.ApplicationStatusChanged(new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "Pastors", "Speedwatch", "Val",
            "val@example.org", "Interview", "Declined", "All places went to local applicants.", "organisation:1", null, null));
        Assert.Contains("declined", declined.Subject);
        Assert.Contains("All places went to local applicants.", declined.TextBody);
        Assert.DoesNotContain("/volunteering/you/", declined.TextBody);
    }

    [Fact]
    public void The_check_in_invitation_links_to_the_check_in_page()
    {
        var email = Render(VolunteersEmails.CheckInKind);
        Assert.Contains("https://partnership.example.org/volunteering/check-ins/check-in-token", email.TextBody);
        Assert.Contains("1 April 2026", email.TextBody);
    }

    [Fact]
    public void The_check_in_invitation_carries_the_volunteers_fresh_link_and_when_it_ends()
    {
        var email = Render(VolunteersEmails.CheckInKind);
        Assert.Contains("https://partnership.example.org/volunteering/you/volunteer-token", email.TextBody);
        Assert.Contains("https://partnership.example.org/volunteering/you/volunteer-token", email.HtmlBody);
        Assert.Contains("1 July 2026", email.TextBody);
    }

    [Fact]
    public void A_fresh_link_asked_for_by_address_links_the_volunteer_page_and_says_when_it_ends()
    {
        var email = Render(VolunteersEmails.FreshLinkKind);
        Assert.Contains("https://partnership.example.org/volunteering/you/fresh-volunteer-token", email.TextBody);
        Assert.Contains("href=\"https://partnership.example.org/volunteering/you/fresh-volunteer-token\"", email.HtmlBody);
        Assert.Contains("2 August 2026", email.TextBody);
    }

    [Fact]
    public void The_organisation_copy_of_an_expiry_reminder_names_the_volunteer()
    {
        var e = new CheckExpiring(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "Pastors", "contact@pastors.example", "Val",
            "val@example.org", "BackgroundCheck", "Enhanced DBS", new DateOnly(2026, 3, 3));

        Assert.Contains("Val's Enhanced DBS expires on Tuesday 3 March 2026", Emails.CheckExpiring(e, toOrganisation: true).TextBody);
        Assert.Contains("Your Enhanced DBS with Pastors expires on Tuesday 3 March 2026", Emails.CheckExpiring(e, toOrganisation: false).TextBody);
    }
}
