using Platform.Contracts.Notifications;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.Tests;

public sealed class ConfirmationEmailTests
{
    private static readonly SubscriptionRequested Request = new(
        Guid.CreateVersion7(), "<dee>@example.org", ["news", "awards"], "weekly",
        new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Both_parts_carry_the_escaped_confirmation_link_on_the_public_base_url()
    {
        var email = ConfirmationEmail.Render(Request, "tok-en_+/=", new Uri("https://updates.example.org/"));

        const string link = "https://updates.example.org/email-updates/confirm?token=tok-en_%2B%2F%3D";
        Assert.Equal(ConfirmationEmail.Subject, email.Subject);
        Assert.Contains(link, email.TextBody);
        Assert.Contains($"href=\"{link}\"", email.HtmlBody);
        Assert.Contains("news, awards", email.TextBody);
        Assert.Contains("1 March 2026 12:00 UTC", email.TextBody);
    }

    [Fact]
    public void The_html_part_encodes_what_the_requester_typed()
    {
        var email = ConfirmationEmail.Render(Request, "tok-en_+/=", new Uri("http://127.0.0.1:8080/"));

        Assert.Contains("&lt;dee&gt;@example.org", email.HtmlBody);
        Assert.DoesNotContain("<dee>", email.HtmlBody);
    }
}
