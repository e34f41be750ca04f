using MakersSite.Preview;
using Microsoft.Playwright;

namespace MakersSite.Tests.Infrastructure;

/// <summary>
/// Debian's real Chromium, driven by Playwright. Missing on a developer's machine: the browser tests skip.
/// Missing under CI=true: that is a failure, never a skip.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsRequired => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void SkipUnlessAvailable()
    {
        if (File.Exists(ExecutablePath)) return;
        if (IsRequired) throw new InvalidOperationException($"CI=true maar {ExecutablePath} ontbreekt: .ci/run installeert Debian's chromium.");
        Skip.If(true, $"{ExecutablePath} ontbreekt; installeer het Debian-pakket chromium om de browsertests te draaien.");
    }

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Search data loads as classic scripts from file://; Chromium allows that without extra flags.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
}

/// <summary>The default site with the search fixture's companies and their vacancies.</summary>
public sealed class SearchSite : BrowserSite
{
    protected override TestSite CreateSite() => TestSite.FromDefaultContentForSearch();
}

/// <summary>The default site (or another, see <see cref="CreateSite"/>) built once, served over http, with one Chromium shared by a test class.</summary>
public class BrowserSite : IAsyncLifetime
{
    private TestSite? _site;

    public TestSite Site => _site ??= CreateSite();

    protected virtual TestSite CreateSite() => TestSite.FromDefaultContent();
    public PreviewServer? Server { get; private set; }
    public IPlaywright? Playwright { get; private set; }
    public IBrowser? Browser { get; private set; }

    public string FileUrl(string relative) => new Uri(Path.Combine(Site.Output, relative)).AbsoluteUri;

    public async Task InitializeAsync()
    {
        var result = Site.Build();
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        Server = await PreviewServer.StartAsync(Site.Output);
        if (!File.Exists(Chromium.ExecutablePath)) return;
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(Playwright);
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        Chromium.SkipUnlessAvailable();
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "nl-NL" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        Site.Dispose();
    }
}
