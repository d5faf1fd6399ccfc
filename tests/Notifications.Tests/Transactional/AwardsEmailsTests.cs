using Microsoft.Extensions.Options;
using Platform.Contracts.Awards;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.IntegrationEvents.EventHandling.Awards;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.Tests.Transactional;

public sealed class AwardsEmailsTests
{
    private static readonly OfficeOptions Office = new() { CountyName = "Northshire Commissioner's Office", ContactEmail = "office@northshire.example" };

    private static readonly AwardsEmails Emails = new(
        new EmailTemplates(Options.Create(Office)),
        new LocalTime(Options.Create(Office)),
        Options.Create(new NotificationsOptions { PublicBaseUrl = new Uri("https://partnership.example.org/") }));

    public static TheoryData<string> EveryKind => new() { AwardsEmails.NominationReceivedKind, AwardsEmails.FinalistKind };

    internal static NominationReceived Received(string nominee = "Sam Hero", string email = "nina@example.org") => new(
        Guid.CreateVersion7(), Guid.CreateVersion7(), "Community Safety Hero Awards 2027", "Unsung Hero", nominee, "Nina Nominator", email,
        "tok_en+/", new DateTimeOffset(2027, 3, 31, 23, 0, 0, TimeSpan.Zero));

    private static RenderedEmail Render(string kind, string nominee) => kind switch
    {
        AwardsEmails.NominationReceivedKind => Emails.NominationReceived(Received(nominee)),
        AwardsEmails.FinalistKind => Emails.Finalist(new FinalistEmailDue(Guid.CreateVersion7(), "Nina", "nina@example.org", false, nominee,
            "Unsung Hero", "Community Safety Hero Awards 2027", new DateTimeOffset(2027, 6, 10, 17, 0, 0, TimeSpan.Zero), "County Hall")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Every_kind_names_the_nominee_escapes_html_and_keeps_the_subject_one_line(string kind)
    {
        var email = Render(kind, "<b>Sam</b>\r\nBcc: x@example.org");

        Assert.DoesNotContain('\n', email.Subject);
        Assert.Contains("<b>Sam</b>", email.TextBody);
        Assert.DoesNotContain("<b>Sam</b>", email.HtmlBody);
        Assert.Contains("&lt;b&gt;Sam&lt;/b&gt;", email.HtmlBody);
        Assert.Contains("office@northshire.example", email.TextBody);
        Assert.Contains("office@northshire.example", email.HtmlBody);
    }

    [Fact]
    public void The_acknowledgement_links_to_the_manage_page_on_the_public_gateway()
    {
        var email = Emails.NominationReceived(Received());

        Assert.Contains("https://partnership.example.org/awards/nominations/tok_en%2B%2F", email.TextBody);
        Assert.Contains("Sam Hero", email.Subject);
        Assert.Contains("1 April 2027", email.TextBody); // 23:00 UTC on 31 March is after midnight in London (BST)
    }

    [Fact]
    public void The_finalist_notice_names_the_ceremony_in_london_time_and_says_nothing_of_winning()
    {
        var email = Render(AwardsEmails.FinalistKind, "Sam Hero");

        Assert.Equal("Sam Hero is a finalist: Unsung Hero", email.Subject);
        Assert.Contains("Thursday 10 June 2027, 18:00 BST", email.TextBody);
        Assert.DoesNotContain("winner of", email.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("you won", email.TextBody, StringComparison.OrdinalIgnoreCase);
    }
}
