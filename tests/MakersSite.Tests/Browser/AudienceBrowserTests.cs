using MakersSite.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MakersSite.Tests.Browser;

/// <summary>Pupils' features in Chromium: "Mijn rugzak" in localStorage only, and the Rugzak section offline.</summary>
public sealed class PupilBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [SkippableFact]
    public async Task A_topic_goes_into_my_backpack_and_stays_in_this_browser_only()
    {
        var page = await site.NewPageAsync();
        // Filled from Playwright's event thread while the test reads it (the offline worker keeps fetching): a concurrent queue.
        var requests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, r) => requests.Enqueue(r.Method + " " + r.Url);
        await page.GotoAsync(site.Server!.BaseUrl + "rugzak/logistiek/");

        await page.ClickAsync(".rugzak-toggle");
        Assert.Equal("true", await page.GetAttributeAsync(".rugzak-toggle", "aria-pressed"));
        await page.GotoAsync(site.Server.BaseUrl + "mijn-rugzak/");

        // The page the script fills loads it once, like every page (a second copy drew the list twice).
        Assert.Equal(1, await page.EvaluateAsync<int>("() => document.querySelectorAll('script[src$=\"rugzak.js\"]').length"));
        var link = page.Locator("#backpack a");
        Assert.Equal("Logistiek: alles op tijd op de goede plek", await link.TextContentAsync());
        await link.ClickAsync();
        await page.WaitForURLAsync(site.Server.BaseUrl + "rugzak/logistiek/");
        Assert.Contains("logistiek", await page.EvaluateAsync<string>("() => localStorage.getItem('lvdm-mijn-rugzak')"));
        Assert.DoesNotContain(requests.ToArray(), r => r.StartsWith("POST", StringComparison.Ordinal));

        await page.GotoAsync(site.Server.BaseUrl + "mijn-rugzak/");
        await page.ClickAsync("#backpack button");
        Assert.StartsWith("Je rugzak is nog leeg.", await page.TextContentAsync("#backpack p"));
    }

    [SkippableFact]
    public async Task The_rugzak_section_works_offline_after_a_first_visit()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Server!.BaseUrl + "rugzak/");
        await page.EvaluateAsync("async () => { await navigator.serviceWorker.ready; }");
        await page.ReloadAsync(); // now controlled by the worker

        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync(site.Server.BaseUrl + "rugzak/ontwerpen/");
        Assert.Equal("Ontwerpen: hoe ziet het eruit?", (await page.TextContentAsync("main h1"))!.Trim());
        Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('16px Inter')"));

        // Pages outside the section are not kept: the worker is what serves the Rugzak pages offline.
        await Assert.ThrowsAnyAsync<PlaywrightException>(() => page.GotoAsync(site.Server.BaseUrl + "bedrijven/"));
    }

    [SkippableFact]
    public async Task From_disk_the_backpack_and_topic_links_work_too()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.FileUrl("rugzak/productie/index.html"));
        await page.ClickAsync(".rugzak-toggle");
        await page.GotoAsync(site.FileUrl("mijn-rugzak/index.html"));
        var href = await page.GetAttributeAsync("#backpack a", "href");
        Assert.EndsWith("/rugzak/productie/index.html", href);
        Assert.StartsWith("file://", href);
    }
}

/// <summary>Screenshots of the finished pages at phone and desktop width, kept as test artifacts.</summary>
public sealed class ScreenshotTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    public static TheoryData<string, string, int> Shots => new()
    {
        { "bedrijf", "bedrijven/helian-polymers/", 375 }, { "bedrijf", "bedrijven/helian-polymers/", 1280 },
        { "rugzak", "rugzak/logistiek/", 375 }, { "rugzak", "rugzak/logistiek/", 1280 },
        { "kennisbank", "kennisbank/het-wrong-door-principe/", 375 }, { "kennisbank", "kennisbank/het-wrong-door-principe/", 1280 },
        { "handleiding", "bedrijfsprofiel-aanpassen/", 375 }, { "handleiding", "bedrijfsprofiel-aanpassen/", 1280 },
    };

    public static string Directory => Environment.GetEnvironmentVariable("SCREENSHOT_DIR") ?? Path.Combine(Repository.Root, "TestResults", "screenshots");

    [SkippableTheory]
    [MemberData(nameof(Shots))]
    public async Task Pages_are_saved_as_screenshots_at_phone_and_desktop_width(string name, string path, int width)
    {
        var page = await site.NewPageAsync(width, 900);
        await page.GotoAsync(site.Server!.BaseUrl + path);
        await page.EvaluateAsync("async () => { await document.fonts.ready; }");
        System.IO.Directory.CreateDirectory(Directory);
        var file = Path.Combine(Directory, $"{name}-{width}.png");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });

        Assert.True(new FileInfo(file).Length > 10_000);
        Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('16px Inter')"), "Inter is loaded");
    }
}

/// <summary>Professionals: the kennisbank list filters by flat, project and tag.</summary>
public sealed class KennisbankBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [SkippableFact]
    public async Task Ticking_a_flat_shows_only_its_articles_and_says_how_many()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Server!.BaseUrl + "kennisbank/");
        var all = await page.Locator(".lesson-list > li:visible").CountAsync();

        await page.CheckAsync("#lesson-filter input[name='flat'][value='nieuwe-technologieen']");

        var visible = await page.Locator(".lesson-list > li:visible h2").AllTextContentsAsync();
        Assert.InRange(visible.Count, 1, all - 1);
        Assert.Contains("Bioplastics Centre: de echte waarde zit in kennis van materialen", visible);
        Assert.Equal($"{visible.Count} {(visible.Count == 1 ? "artikel" : "artikelen")}.", await page.TextContentAsync("#lesson-count"));
    }
}

/// <summary>Recruiters: a company showcase prints as one clean page for job fairs.</summary>
public sealed class PrintTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [SkippableFact]
    public async Task A_showcase_prints_on_one_page_without_navigation()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Server!.BaseUrl + "bedrijven/helian-polymers/");
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });

        Assert.False(await page.IsVisibleAsync(".site-header nav"));
        Assert.False(await page.IsVisibleAsync(".site-search"));
        Assert.True(await page.IsVisibleAsync("main h1"));
        var pdf = System.Text.Encoding.Latin1.GetString(await page.PdfAsync(new() { Format = "A4", PrintBackground = true }));
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(pdf, @"/Type\s*/Page[^s]"));
    }
}

/// <summary>Phones first (issue 27): a header of one line with a Menu button, filters folded behind one button so results come first, heading anchors on demand.</summary>
public sealed class PhoneBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [SkippableTheory]
    [InlineData("")]
    [InlineData("kennisbank/")]
    [InlineData("bedrijven/helian-polymers/")]
    [InlineData("zoeken/?q=lean")]
    public async Task At_375_px_the_header_takes_at_most_120_px_and_the_menu_opens_behind_one_button(string path)
    {
        var page = await site.NewPageAsync(375, 800);
        await page.GotoAsync(site.Server!.BaseUrl + path);

        Assert.True(await page.EvaluateAsync<double>("() => document.querySelector('.site-header').getBoundingClientRect().height") <= 120);
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        Assert.Equal("false", await menu.GetAttributeAsync("aria-expanded"));
        Assert.False(await page.GetByRole(AriaRole.Link, new() { Name = "Kennisbank", Exact = true }).First.IsVisibleAsync());

        await menu.ClickAsync();

        Assert.Equal("true", await menu.GetAttributeAsync("aria-expanded"));
        Assert.True(await page.Locator("#hoofdmenu").GetByRole(AriaRole.Link, new() { Name = "Vacatures & stages" }).IsVisibleAsync());
        Assert.True(await page.Locator(".site-header .search-link").IsVisibleAsync());
    }

    [SkippableFact]
    public async Task At_1280_px_the_menu_and_the_search_form_are_in_the_header_without_a_button()
    {
        var page = await site.NewPageAsync(1280, 800);
        await page.GotoAsync(site.Server!.BaseUrl);

        Assert.False(await page.Locator(".menu-toggle").IsVisibleAsync());
        Assert.True(await page.Locator("#hoofdmenu").GetByRole(AriaRole.Link, new() { Name = "Vacatures & stages" }).IsVisibleAsync());
        Assert.True(await page.Locator("#site-search-input").IsVisibleAsync());
    }

    [SkippableFact]
    public async Task On_a_phone_the_kennisbank_shows_its_first_article_on_the_first_screen_and_the_filters_behind_one_button()
    {
        var page = await site.NewPageAsync(375, 800);
        await page.GotoAsync(site.Server!.BaseUrl + "kennisbank/");
        var box = page.Locator("#lesson-filter input[name=flat]").First;

        Assert.False(await box.IsVisibleAsync());
        Assert.True(await page.EvaluateAsync<double>("() => document.querySelector('.lesson-list .card').getBoundingClientRect().top") < 800);

        await page.GetByText("Filters", new() { Exact = true }).ClickAsync();

        Assert.True(await box.IsVisibleAsync());
        var wide = await site.NewPageAsync(1280, 800);
        await wide.GotoAsync(site.Server!.BaseUrl + "kennisbank/");
        Assert.True(await wide.Locator("#lesson-filter input[name=flat]").First.IsVisibleAsync());
    }

    [SkippableFact]
    public async Task A_headings_anchor_shows_on_hover_or_focus_only()
    {
        var page = await site.NewPageAsync(1280, 800);
        await page.GotoAsync(site.Server!.BaseUrl + "bedrijfsprofiel-aanpassen/");
        var anchor = page.Locator("main h2 .anchor").First;
        async Task<string> Opacity() => await anchor.EvaluateAsync<string>("a => getComputedStyle(a).opacity");

        Assert.Equal("0", await Opacity());
        await anchor.FocusAsync();
        Assert.Equal("1", await Opacity());
        await anchor.BlurAsync();
        Assert.Equal("0", await Opacity());
        await page.Locator("main h2").First.HoverAsync();
        Assert.Equal("1", await Opacity());
    }
}
