using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Web.Site;

namespace Platform.Web.Tests;

/// <summary>Copies of the site started together on one empty key folder (`./platform up --replicas N`).</summary>
public sealed class FirstSiteKeyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "site-keys-" + Guid.CreateVersion7().ToString("N"));

    [Fact]
    public async Task Copies_started_together_on_an_empty_folder_share_one_key_made_before_either_serves()
    {
        var copies = Enumerable.Range(0, 4).Select(_ => Copy()).ToList();

        await Task.WhenAll(copies.Select(c => Task.Run(() => StartingAsync(c))));

        // One key, whichever copy made it: each copy's ring, read at its first form, is the same ring.
        Assert.Single(Directory.GetFiles(_folder, "key-*.xml"));
        var token = copies[0].GetRequiredService<IDataProtectionProvider>().CreateProtector("form").Protect("rendered by the first copy");
        foreach (var other in copies.Skip(1))
            Assert.Equal("rendered by the first copy", other.GetRequiredService<IDataProtectionProvider>().CreateProtector("form").Unprotect(token));
        Assert.Single(Directory.GetFiles(_folder, "key-*.xml"));
        foreach (var copy in copies) await copy.DisposeAsync();
    }

    [Fact]
    public async Task A_copy_started_on_a_folder_with_a_key_makes_none()
    {
        await using (var first = Copy()) await StartingAsync(first);
        var key = Assert.Single(Directory.GetFiles(_folder, "key-*.xml"));

        await using var later = Copy();
        await StartingAsync(later);

        Assert.Equal(key, Assert.Single(Directory.GetFiles(_folder, "key-*.xml")));
    }

    [Fact]
    public async Task A_read_only_key_folder_gets_no_key_of_the_sites_making()
    {
        Directory.CreateDirectory(_folder);
        await using var copy = Copy(generateKeys: false);

        await StartingAsync(copy);

        Assert.Empty(Directory.GetFiles(_folder));
    }

    private ServiceProvider Copy(bool generateKeys = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{SiteKeysOptions.SectionName}:KeysFolder"] = _folder,
            [$"{SiteKeysOptions.SectionName}:GenerateKeys"] = generateKeys.ToString(),
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddSiteKeys(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>What the host does first with the site's hosted services, before any of them (the server too) starts.</summary>
    private static Task StartingAsync(IServiceProvider copy) =>
        Task.WhenAll(copy.GetServices<IHostedService>().OfType<IHostedLifecycleService>().Select(s => s.StartingAsync(CancellationToken.None)));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
