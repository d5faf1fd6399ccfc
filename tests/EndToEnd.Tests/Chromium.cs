using Microsoft.Playwright;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright, headless. Playwright's own browser downloads are not used: the platform
/// installs the `chromium-headless-shell` package (./platform), and these switches keep it from reaching the network or
/// a GPU. The headless shell is the same Blink and V8 without the desktop browser around them, the build Playwright
/// itself runs headless tests on: measured on eleven of the site's tests (2026-12-01), it took half the CPU of the full
/// browser in headless mode (58 against 117 CPU-s) and the tests 85 s instead of 123.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium-headless-shell";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: install Debian's chromium-headless-shell (./platform test does).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
        return (playwright, browser);
    }
}
