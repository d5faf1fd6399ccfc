using System.Text;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Platform.AppHost.Hosting;

[assembly: AssemblyFixture(typeof(Platform.EndToEnd.Tests.Site.SiteBrowser))]

namespace Platform.EndToEnd.Tests.Site;

/// <summary>
/// One headless Chromium for the whole run (Debian's, see <see cref="Chromium"/>), opening the web site through the
/// gateway (the <c>site</c> each call takes: the platform fixture's gateway address) as a visitor does. Each test takes
/// fresh pages (their own cookies), with or without JavaScript, and checks each page it reaches with axe and for
/// reflow at a phone's width, and photographs it at a desktop's.
/// </summary>
public sealed class SiteBrowser : IAsyncLifetime
{
    public const int PhoneWidth = 320;
    public const int DesktopWidth = 1280;

    /// <summary>Where the screenshots go (CI keeps TestResults/ as artifacts; git ignores it).</summary>
    public static string ScreenshotDirectory { get; } =
        Path.Combine(DataFolder.RepositoryRoot(AppContext.BaseDirectory), "TestResults", "screenshots");

    /// <summary>
    /// The contexts opened with JavaScript off (Playwright does not say), each with the page that checks its pages (made
    /// at its first check, closed with it).
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IBrowserContext, ScriptlessChecker> ScriptlessContexts = new();

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        (_playwright, _browser) = await Chromium.LaunchAsync();
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>
    /// A new visitor: a browser context of its own (cookies, storage) on the gateway's address, from a loopback address
    /// of its own (<see cref="VisitorAddress"/>) unless <paramref name="ownAddress"/> is false (then as the browser
    /// connects, from 127.0.0.1, with the gateway's compression: what <see cref="PageWeightAsync"/> measures).
    /// </summary>
    public async Task<IPage> NewVisitorAsync(Uri site, bool javaScript = true, int width = DesktopWidth, bool ownAddress = true)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "en-GB",
        });
        if (ownAddress) await VisitorAddress.UseOwnAddressAsync(context);
        if (!javaScript) ScriptlessContexts.Add(context, new ScriptlessChecker(context));
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    /// <summary>Zero axe violations at WCAG 2.2 AA (and the A and 2.0/2.1 rules it includes) on the page as it is now.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        // After a click the next page may still be loading: judged without its stylesheet, every link is too small.
        try
        {
            await page.WaitForLoadStateAsync(LoadState.Load);
        }
        catch (TimeoutException)
        {
            // On a busy machine Playwright once waited 30 s for a page's load event after reporting its network idle:
            // the document itself says whether it finished loading.
            Assert.Equal("complete", await page.EvaluateAsync<string>("() => document.readyState"));
        }
        if (!ScriptlessContexts.TryGetValue(page.Context, out var scriptless))
        {
            await AssertAccessibleAsync(page, page);
            return;
        }

        // axe is a script: in a page with JavaScript off it never answers. The same HTML, on the same address (so its
        // stylesheet loads and contrast is judged on the real styles), is checked in a page with script on: one for the
        // visitor's whole context, as a new page per check (a renderer started and axe loaded each time) doubled the time.
        var checker = await scriptless.PageAsync(page.ViewportSize);
        var html = await page.ContentAsync();
        var withBase = html.Replace("<head>", $"<head><base href=\"{page.Url}\">", StringComparison.OrdinalIgnoreCase);
        await checker.SetContentAsync(withBase);
        await AssertAccessibleAsync(checker, page);
    }

    /// <summary>A page with script on that checks a scriptless context's pages; closed when that context closes.</summary>
    private sealed class ScriptlessChecker
    {
        private readonly IBrowserContext _context;
        private IPage? _page;

        public ScriptlessChecker(IBrowserContext context)
        {
            _context = context;
            context.Close += (_, _) => _ = _page?.CloseAsync();
        }

        public async Task<IPage> PageAsync(PageViewportSizeResult? viewport)
        {
            _page ??= await _context.Browser!.NewPageAsync();
            if (viewport is not null) await _page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            return _page;
        }
    }

    /// <summary>
    /// axe-core itself, as Deque's package ships it. Loaded and run here rather than through Deque's Playwright wrapper:
    /// for each check that one loads axe into the page, then opens a new page (a renderer of its own) to load axe again
    /// and merge one frame's results; checking every page that way took over half of the browser tests' time.
    /// </summary>
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        using var stream = typeof(AxeRunOptions).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")!;
        return new StreamReader(stream).ReadToEnd();
    });

    private static async Task AssertAccessibleAsync(IPage page, IPage shown)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await page.EvaluateAsync(AxeSource.Value);
        var found = await page.EvaluateAsync<string>("""
            async () => JSON.stringify((await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
                resultTypes: ['violations'],
            })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => `${n.target}: ${n.html}`) })))
            """);
        using var violations = System.Text.Json.JsonDocument.Parse(found);
        if (violations.RootElement.GetArrayLength() == 0) return;

        var report = new StringBuilder($"axe found {violations.RootElement.GetArrayLength()} violation(s) on {shown.Url}:\n");
        foreach (var violation in violations.RootElement.EnumerateArray())
        {
            report.Append($"- {violation.GetProperty("id")} ({violation.GetProperty("impact")}): {violation.GetProperty("help")}\n");
            foreach (var node in violation.GetProperty("nodes").EnumerateArray()) report.Append($"    {node}\n");
        }

        Assert.Fail(report.ToString());
    }

    /// <summary>A full-page screenshot at 1280 pixels wide, named <paramref name="name"/>-1280.png (issue 16's artifacts).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var original = page.ViewportSize;
        if (original?.Width != DesktopWidth) await page.SetViewportSizeAsync(DesktopWidth, 900);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{name}-{DesktopWidth}.png"), FullPage = true });
        if (original is not null && original.Width != DesktopWidth) await page.SetViewportSizeAsync(original.Width, original.Height);
    }

    /// <summary>
    /// WCAG 2.2's Reflow (1.4.10): at 320 CSS pixels wide nothing but a data table reaches past the screen's edge (the
    /// criterion exempts content that needs two dimensions to be read). Checked, where a screenshot at that width only
    /// showed it.
    /// </summary>
    public static async Task AssertReflowsAsync(IPage page)
    {
        var original = page.ViewportSize;
        await page.SetViewportSizeAsync(PhoneWidth, 900);
        var overflowing = await page.EvaluateAsync<string[]>("""
            () => {
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) return [];
                // What reaches past the screen's edge: the innermost boxes, and text (a long word) beyond its own box.
                // Not what a box of its own clips (a visually hidden label, a table's scrolling box).
                const past = rect => rect.width > 0 && rect.right > width + 1;
                const shown = e => {
                    for (let a = e; a && a !== document.body; a = a.parentElement) {
                        const style = getComputedStyle(a);
                        if (a.tagName === 'TABLE' || style.overflowX !== 'visible' || style.clipPath !== 'none') return false;
                    }
                    return true;
                };
                const found = new Set();
                for (const e of document.body.querySelectorAll('*'))
                    if (past(e.getBoundingClientRect()) && ![...e.children].some(c => past(c.getBoundingClientRect())) && shown(e))
                        found.add(e);
                const text = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const range = document.createRange();
                while (text.nextNode()) {
                    range.selectNodeContents(text.currentNode);
                    if (past(range.getBoundingClientRect()) && shown(text.currentNode.parentElement)) found.add(text.currentNode.parentElement);
                }
                return [...found].slice(0, 5).map(e => e.outerHTML.slice(0, 200));
            }
            """);
        if (original is not null) await page.SetViewportSizeAsync(original.Width, original.Height);
        Assert.True(overflowing.Length == 0, $"{page.Url} scrolls sideways at {PhoneWidth} px; wider than the screen:\n{string.Join("\n", overflowing)}");
    }

    /// <summary>Axe, reflow at a phone's width and a screenshot: what every test does on every page it reaches.</summary>
    public static async Task CheckPageAsync(IPage page, string name)
    {
        await AssertAccessibleAsync(page);
        await AssertReflowsAsync(page);
        await ScreenshotAsync(page, name);
    }

    /// <summary>
    /// The site shows what every visitor reads alike (the home page's lists, an event's page) from its memory for a few
    /// seconds (web/Api/SharedReads.cs, <c>Freshness</c>): something just published may show only after that. Reloads
    /// the page until <paramref name="shown"/> is there, for at most 20 seconds (twice the longest such wait).
    /// </summary>
    public static async Task ReloadUntilShownAsync(IPage page, ILocator shown)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (await shown.CountAsync() == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(1_000, TestContext.Current.CancellationToken);
            await page.ReloadAsync();
        }
    }

    /// <summary>
    /// What loading <paramref name="path"/> afresh downloads as HTML, CSS and script: bytes on the wire (compressed, as
    /// served) and decoded, and how many files that was. The budget (issue: ≤ 100 KB a page) holds for both.
    /// </summary>
    public async Task<(long Transferred, long Decoded, int Files)> PageWeightAsync(Uri site, string path)
    {
        var page = await NewVisitorAsync(site, ownAddress: false);
        var responses = new List<IResponse>();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType is "document" or "stylesheet" or "script") responses.Add(response);
        };
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        long transferred = 0, decoded = 0;
        foreach (var response in responses)
        {
            transferred += (await response.Request.SizesAsync()).ResponseBodySize;
            decoded += (await response.BodyAsync()).Length;
        }

        await page.Context.CloseAsync();
        return (transferred, decoded, responses.Count);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
