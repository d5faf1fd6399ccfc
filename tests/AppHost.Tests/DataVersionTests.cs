using Platform.AppHost.Hosting;

namespace Platform.AppHost.Tests;

public sealed class DataVersionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("data-").FullName;
    private string Marker => Path.Combine(_folder, "data-version");

    [Fact]
    public void A_new_folder_is_stamped_with_the_current_version()
    {
        var folder = Path.Combine(_folder, "new");

        DataVersion.CheckAndStamp(folder);

        Assert.Equal(DataVersion.Current.ToString(), File.ReadAllText(Path.Combine(folder, "data-version")).Trim());
    }

    [Fact]
    public void A_folder_written_before_the_marker_existed_is_accepted_and_stamped()
    {
        File.WriteAllText(Path.Combine(_folder, "secrets.json"), "{}");
        Directory.CreateDirectory(Path.Combine(_folder, "postgres"));

        DataVersion.CheckAndStamp(_folder);

        Assert.Equal("1", File.ReadAllText(Marker).Trim());
        DataVersion.CheckAndStamp(_folder); // and opens again
    }

    [Fact]
    public void A_folder_a_newer_version_wrote_is_refused_with_one_sentence_saying_what_to_do_and_left_as_it_was()
    {
        File.WriteAllText(Marker, $"{DataVersion.Current + 1}\n");

        var refusal = Assert.Throws<PlatformSetupException>(() => DataVersion.CheckAndStamp(_folder));

        Assert.Contains("newer version", refusal.Message);
        Assert.Contains("--fresh", refusal.Message);
        Assert.Contains("--data DIR", refusal.Message);
        AssertOneSentence(refusal.Message);
        Assert.Equal($"{DataVersion.Current + 1}\n", File.ReadAllText(Marker));
    }

    [Theory]
    [InlineData("")]
    [InlineData("two")]
    [InlineData("0")]
    [InlineData("-3")]
    public void An_unreadable_marker_is_refused_with_one_sentence(string content)
    {
        File.WriteAllText(Marker, content);

        var refusal = Assert.Throws<PlatformSetupException>(() => DataVersion.CheckAndStamp(_folder));

        Assert.Contains("data-version", refusal.Message);
        AssertOneSentence(refusal.Message);
    }

    internal static void AssertOneSentence(string message)
    {
        Assert.DoesNotContain('\n', message);
        Assert.EndsWith(".", message);
        Assert.DoesNotContain(". ", message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
