using MakersSite.Cli;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Browser;

/// <summary>`serve` in real Chromium: an edit reloads the open page; an error shows as an overlay over the last good site.</summary>
public sealed class ServeTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    [SkippableFact]
    public async Task An_edit_reloads_the_page_and_an_error_shows_over_the_last_good_version()
    {
        using var site = TestSite.Create(("content/bedrijven/testfabriek/index.md", Fixtures.Company()));
        await using var session = await ServeSession.StartAsync(site.Root, 0, TextWriter.Null);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(session.BaseUrl + "bedrijven/testfabriek/");
        Assert.Equal("Testfabriek", await page.TextContentAsync("main h1"));
        await page.WaitForFunctionAsync("() => window.makersSiteLive === true");

        site.Write("content/bedrijven/testfabriek/index.md", Fixtures.Company(title: "Testfabriek Vernieuwd"));
        await page.WaitForFunctionAsync("() => document.querySelector('main h1')?.textContent === 'Testfabriek Vernieuwd'", null, new() { Timeout = 15_000 });

        site.Write("content/bedrijven/testfabriek/index.md", Fixtures.Company().Replace("municipality: venlo", "municipality: venloo"));
        var overlay = await page.WaitForSelectorAsync("#makers-site-overlay", new() { Timeout = 15_000 });
        Assert.Contains("content/bedrijven/testfabriek/index.md:5:15: fout [municipality]: 'venloo' is geen toegestane waarde", await overlay!.TextContentAsync());
        Assert.Equal("Testfabriek Vernieuwd", await page.TextContentAsync("main h1"));

        site.Write("content/bedrijven/testfabriek/index.md", Fixtures.Company(title: "Testfabriek Hersteld"));
        await page.WaitForFunctionAsync("() => document.querySelector('main h1')?.textContent === 'Testfabriek Hersteld'", null, new() { Timeout = 15_000 });
        Assert.Null(await page.QuerySelectorAsync("#makers-site-overlay"));
    }

    [Fact]
    public async Task The_preview_listens_on_loopback_only()
    {
        using var site = TestSite.Create();
        await using var session = await ServeSession.StartAsync(site.Root, 0, TextWriter.Null);
        Assert.StartsWith("http://127.0.0.1:", session.BaseUrl);
        using var http = new HttpClient();
        var html = await http.GetStringAsync(session.BaseUrl);
        Assert.Contains("<script src=\"/__makers-site/reload.js\"></script></body>", html);
        Assert.False(Directory.Exists(site.Output), "serve builds into .cache/preview, not public/");
    }
}
