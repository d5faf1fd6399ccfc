using Microsoft.Extensions.Options;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.Tests.Transactional;

public sealed class AccountsEmailsTests
{
    private static readonly AccountsEmails Emails = new(
        new EmailTemplates(Options.Create(new OfficeOptions { CountyName = "Northshire Commissioner's Office", ContactEmail = "office@northshire.example" })),
        Options.Create(new NotificationsOptions { PublicBaseUrl = new Uri("https://partnership.example.org/") }));

    public static TheoryData<string> EveryKind => new() { AccountsEmails.InvitationKind, AccountsEmails.PasswordResetKind };

    private static RenderedEmail Render(string kind, string organisation) => kind switch
    {
        AccountsEmails.InvitationKind => Emails.Invitation(new(Guid.CreateVersion7(), "a@example.org", "organisation", organisation, "inv_token",
            new DateTimeOffset(2026, 12, 7, 22, 0, 0, TimeSpan.Zero))),
        AccountsEmails.PasswordResetKind => Emails.PasswordReset(new(Guid.CreateVersion7(), "a@example.org", "pwr_token",
            new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Every_kind_links_to_its_back_office_page_with_the_footer_and_a_one_line_subject(string kind)
    {
        var email = Render(kind, "Pastors\r\nBcc: victim@example.org <b>");

        var link = kind == AccountsEmails.InvitationKind
            ? "https://partnership.example.org/manage/invitation/inv_token"
            : "https://partnership.example.org/manage/reset-password/pwr_token";
        Assert.Contains(link, email.TextBody);
        Assert.Contains($"href=\"{link}\"", email.HtmlBody);
        Assert.Contains("office@northshire.example", email.TextBody);
        if (kind == AccountsEmails.InvitationKind)
        {
            Assert.Contains("&lt;b&gt;", email.HtmlBody);
            Assert.DoesNotContain("<b>", email.HtmlBody);
        }

        Assert.DoesNotContain('\n', email.Subject);
    }
}
