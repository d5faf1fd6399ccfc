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

    [Fact]
    public void A_folded_header_reads_as_one_value_and_each_address_in_To_is_a_recipient()
    {
        Directory.CreateDirectory(Path.Combine(_maildir, "new"));
        File.WriteAllText(Path.Combine(_maildir, "new", "2.vm"),
            "To: \"Jo, Smith\" <jo@example.org>,\r\n\tsam@Example.org\r\nList-Unsubscribe:\r\n <https://site.example/unsubscribe/\r\n one-long-token>\r\nSubject: Hi\r\n\r\nbody\r\n");

        var message = Assert.Single(new Mailbox(_maildir).Messages());

        Assert.Equal("<https://site.example/unsubscribe/ one-long-token>", message.Header("List-Unsubscribe"));
        Assert.Equal("Hi", message.Subject);
        Assert.True(message.IsTo("sam@example.org"));
        Assert.True(message.IsTo("Jo@Example.org"));
        Assert.False(message.IsTo("smith@example.org"));
        Assert.Equal(["jo@example.org", "sam@example.org"], message.Recipients.Order());
    }

    public void Dispose() => Directory.Delete(_maildir, recursive: true);
}
