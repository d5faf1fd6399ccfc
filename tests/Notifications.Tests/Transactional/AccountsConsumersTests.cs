using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Gateway;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.Tests.Transactional;

/// <summary>The gateway's account events become one email each, with a link to the back office's pages, even when replayed.</summary>
public sealed class AccountsConsumersTests : IAsyncDisposable
{
    private readonly NotificationsFactory _factory = new();

    [Fact]
    public async Task A_replayed_invitation_is_emailed_once_with_the_link_to_choose_a_password()
    {
        var invited = new InvitationIssued(Guid.CreateVersion7(), "Coordinator@Riverside.example", "organisation", "Riverside <Volunteers>",
            "inv_tok+en/", DateTimeOffset.UtcNow.AddDays(7));

        await _factory.PublishAsOwnerAsync(invited);
        await _factory.WaitForEmailsAsync(1, TimeSpan.FromSeconds(2));
        await _factory.PublishAsOwnerAsync(invited);
        await _factory.WaitForEmailsAsync(1, TimeSpan.FromSeconds(2));

        var sent = Assert.Single(_factory.Emails.Sent);
        Assert.Equal("Coordinator@Riverside.example", sent.To);
        Assert.Equal("You are invited to the partnership platform for Riverside <Volunteers>", sent.Email.Subject);
        Assert.Contains("/manage/invitation/inv_tok%2Ben%2F", sent.Email.TextBody);
        Assert.Contains("Riverside &lt;Volunteers&gt;", sent.Email.HtmlBody);
        Assert.Equal(AccountsEmails.InvitationKind, (await _factory.WithDbAsync(db => db.Deliveries.SingleAsync(d => d.SourceEventId == invited.EventId))).Kind);
    }

    [Fact]
    public async Task A_password_reset_and_a_staff_invitation_are_each_emailed_with_their_own_link()
    {
        await _factory.PublishAsOwnerAsync(new PasswordResetRequested(Guid.CreateVersion7(), "admin@platform.local", "pwr_reset", DateTimeOffset.UtcNow.AddHours(1)));
        await _factory.PublishAsOwnerAsync(new InvitationIssued(Guid.CreateVersion7(), "colleague@office.example", "staff", null, "inv_staff", DateTimeOffset.UtcNow.AddDays(7)));
        await _factory.WaitForEmailsAsync(2, TimeSpan.FromSeconds(2));

        var reset = Assert.Single(_factory.Emails.Sent, s => s.To == "admin@platform.local");
        Assert.Equal("Reset your partnership platform password", reset.Email.Subject);
        Assert.Contains("/manage/reset-password/pwr_reset", reset.Email.TextBody);
        var staff = Assert.Single(_factory.Emails.Sent, s => s.To == "colleague@office.example");
        Assert.Contains("back office", staff.Email.Subject);
        Assert.Contains("/manage/invitation/inv_staff", staff.Email.HtmlBody);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
