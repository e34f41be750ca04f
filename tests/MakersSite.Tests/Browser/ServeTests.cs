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

    [SkippableFact]
    public async Task An_edit_inside_main_is_swapped_in_without_a_reload_and_the_themes_scripts_bind_to_it()
    {
        using var site = TestSite.Create(("content/bedrijven/testfabriek/index.md", Fixtures.Company()));
        await using var session = await ServeSession.StartAsync(site.Root, 0, TextWriter.Null);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(session.BaseUrl + "bedrijven/testfabriek/");
        await page.WaitForFunctionAsync("() => window.makersSiteLive === true");
        // Gone if the page reloads.
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        site.Write("content/bedrijven/testfabriek/index.md", Fixtures.Company(body: "Wij maken machines en nu ook robots."));
        await page.WaitForFunctionAsync("() => document.querySelector('main .prose')?.textContent.includes('ook robots')", null, new() { Timeout = 15_000 });

        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page reloaded instead of updating in place");
        // rugzak.js shows the backpack button of the new <main> too (it is hidden until a script takes it on).
        Assert.True(await page.IsVisibleAsync("main .rugzak-toggle"));
        Assert.Equal(1, await page.EvaluateAsync<int>("() => document.querySelectorAll('main').length"));

        // The title is also in <head>: that page reloads.
        site.Write("content/bedrijven/testfabriek/index.md", Fixtures.Company(title: "Testfabriek Vernieuwd", body: "Wij maken machines en nu ook robots."));
        await page.WaitForFunctionAsync("() => document.title.startsWith('Testfabriek Vernieuwd')", null, new() { Timeout = 15_000 });
        Assert.False(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "a change outside <main> must reload the page");
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
