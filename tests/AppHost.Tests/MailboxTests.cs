using Platform.AppHost.Hosting.Resources;

namespace Platform.AppHost.Tests;

public sealed class MailboxTests : IDisposable
{
    private readonly string _maildir = Directory.CreateTempSubdirectory("maildir-").FullName;

    [Fact]
    public async Task Reads_messages_from_new_and_cur_with_their_headers()
    {
        Directory.CreateDirectory(Path.Combine(_maildir, "new"));
        File.WriteAllText(Path.Combine(_maildir, "new", "1.vm"), "To: Jo <jo@example.org>\r\nSubject: Please confirm\r\n\r\nTo: not-a-header@example.org\r\n");
        var mailbox = new Mailbox(_maildir);

        var message = Assert.Single(mailbox.Messages());
        Assert.Equal("Please confirm", message.Subject);
        Assert.True(message.IsTo("JO@example.org"));
        Assert.False(message.IsTo("not-a-header@example.org"));
        Assert.Equal(message.FileName, (await mailbox.WaitForAsync(m => m.Subject == "Please confirm", TimeSpan.FromSeconds(1))).FileName);
        await Assert.ThrowsAsync<TimeoutException>(() => mailbox.WaitForAsync(m => m.IsTo("nobody@example.org"), TimeSpan.FromMilliseconds(200)));
    }

    public void Dispose() => Directory.Delete(_maildir, recursive: true);
}
