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
    public async Task My_backpack_shows_how_far_along_the_nine_steps_a_pupil_is_and_the_next_step()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Server!.BaseUrl + "mijn-rugzak/");
        Assert.Equal("Je hebt 0 van de 9 stappen bekeken.", await page.TextContentAsync(".progress-text"));
        Assert.Equal("Begin bij stap 1: Ontwerpen", await page.TextContentAsync("#rugzak-voortgang a"));

        // Reading steps 1 and 2 moves the pupil on to step 3, on the backpack page and on the path itself.
        await page.GotoAsync(site.Server.BaseUrl + "rugzak/ontwerpen/");
        await page.GotoAsync(site.Server.BaseUrl + "rugzak/onderzoek/");
        await page.GotoAsync(site.Server.BaseUrl + "mijn-rugzak/");
        Assert.Equal("Je hebt 2 van de 9 stappen bekeken.", await page.TextContentAsync(".progress-text"));
        Assert.Equal("Volgende stap: Ontwikkeling", await page.TextContentAsync("#rugzak-voortgang a"));
        Assert.Equal(2, await page.Locator(".route .step-seen").CountAsync());
        await page.ClickAsync("#rugzak-voortgang a");
        await page.WaitForURLAsync(site.Server.BaseUrl + "rugzak/ontwikkeling/");

        await page.GotoAsync(site.Server.BaseUrl + "rugzak/");
        Assert.Equal("Je hebt 3 van de 9 stappen bekeken.", await page.TextContentAsync(".progress-text"));
        Assert.Equal(["stap-1", "stap-2", "stap-3"], await page.Locator(".path-step.step-seen").EvaluateAllAsync<string[]>("els => els.map(e => e.id)"));
        Assert.Equal("Volgende stap: Engineering", await page.TextContentAsync("#rugzak-voortgang a"));
    }

    [SkippableFact]
    public async Task A_company_saved_in_the_backpack_opens_offline_too()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Server!.BaseUrl + "bedrijven/helian-polymers/");
        await page.ClickAsync(".rugzak-toggle");
        // Saving registers the offline worker and keeps the page in the browser's cache for it.
        await page.EvaluateAsync("""
            async () => {
              await navigator.serviceWorker.ready;
              for (let i = 0; i < 50 && !(await (await caches.open('mijn-rugzak-bewaard')).match(location.href)); i++) await new Promise(r => setTimeout(r, 100));
            }
            """);
        await page.GotoAsync(site.Server.BaseUrl + "rugzak/");
        await page.EvaluateAsync("async () => { await navigator.serviceWorker.ready; }");
        await page.ReloadAsync();

        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync(site.Server.BaseUrl + "mijn-rugzak/");
        await page.ClickAsync("#backpack a:text-is('Helian Polymers')");
        await page.WaitForURLAsync(site.Server.BaseUrl + "bedrijven/helian-polymers/");
        Assert.Equal("Helian Polymers", (await page.TextContentAsync("main h1"))!.Trim());
        Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('16px Inter')"));
        // A company the pupil did not save is not there offline.
        await Assert.ThrowsAnyAsync<PlaywrightException>(() => page.GotoAsync(site.Server.BaseUrl + "bedrijven/wp-haton/"));
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
        // The sheet carries a QR code of the page for a phone to scan; the screen does not show it.
        Assert.True(await page.IsVisibleAsync(".qr img"));
        Assert.Contains("https://www.landvandemakers.nl/bedrijven/helian-polymers/", await page.TextContentAsync(".qr p"));
        var pdf = System.Text.Encoding.Latin1.GetString(await page.PdfAsync(new() { Format = "A4", PrintBackground = true }));
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(pdf, @"/Type\s*/Page[^s]"));
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Screen });
        Assert.False(await page.IsVisibleAsync(".qr img"));
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
