using MakersSite.Tests.Infrastructure;
using Microsoft.Playwright;
using SkiaSharp;

namespace MakersSite.Tests.Browser;

/// <summary>
/// What the pages look like: a screenshot of every page type at phone and desktop width as test artifacts, a pixel
/// comparison of four key pages with the committed baselines, and cards whose words never break in the middle.
/// </summary>
public sealed class ScreenshotTests(SearchSite site) : IClassFixture<SearchSite>
{
    public static string Directory => Environment.GetEnvironmentVariable("SCREENSHOT_DIR") ?? Path.Combine(Repository.Root, "TestResults", "screenshots");

    private static readonly string Baselines = Path.Combine(Repository.Root, "tests", "MakersSite.Tests", "Browser", "baselines");

    /// <summary>Every page type (the search fixture adds a company with vacancies and a vacancy's page), by artifact name.</summary>
    public static readonly (string Name, string Path)[] PageTypes =
    [
        ("home", ""), ("bedrijven", "bedrijven/"), ("bedrijf", "bedrijven/helian-polymers/"), ("bedrijf-vacatures", "bedrijven/proef-metaalbewerking/"),
        ("vacature", "bedrijven/proef-metaalbewerking/vacatures/lasser-mig-mag-2026-10-01/"), ("vacatures", "vacatures/"),
        ("projecten", "projecten/"), ("project", "projecten/bioplastics-centre/"), ("flats", "flats/"), ("flat", "flats/nieuwe-technologieen/"),
        ("kennisbank", "kennisbank/"), ("artikel", "kennisbank/het-wrong-door-principe/"), ("rugzak", "rugzak/"), ("onderwerp", "rugzak/logistiek/"),
        ("mijn-rugzak", "mijn-rugzak/"), ("zoeken", "zoeken/?q=kunststof"), ("sectoren", "sectoren/"), ("sector", "sectoren/machinebouw/"),
        ("aspect", "aspecten/productie/"), ("over", "over/"), ("handleiding", "bedrijfsprofiel-aanpassen/"), ("404", "bestaat-niet/"),
    ];

    public static TheoryData<string, string, int> Shots()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (name, path) in PageTypes) foreach (var width in new[] { 375, 1280 }) data.Add(name, path, width);
        return data;
    }

    private async Task<IPage> OpenAsync(string path, int width)
    {
        var page = await site.NewPageAsync(width, 900);
        await page.GotoAsync(site.Server!.BaseUrl + path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (path.StartsWith("zoeken/", StringComparison.Ordinal)) await page.WaitForSelectorAsync("#search-results a");
        await page.EvaluateAsync("async () => { await document.fonts.ready; }");
        return page;
    }

    [SkippableTheory]
    [MemberData(nameof(Shots))]
    public async Task Every_page_type_is_saved_as_a_screenshot_at_phone_and_desktop_width(string name, string path, int width)
    {
        var page = await OpenAsync(path, width);
        System.IO.Directory.CreateDirectory(Directory);
        var file = Path.Combine(Directory, $"{name}-{width}.png");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });

        using var shot = SKBitmap.Decode(file);
        Assert.Equal(width, shot.Width);
        Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('16px Inter')"), "Inter is loaded");
        // No page scrolls sideways at either width.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than the screen");
    }

    public static TheoryData<string, string, int> Compared => new()
    {
        { "home", "", 375 }, { "home", "", 1280 },
        { "bedrijf", "bedrijven/helian-polymers/", 375 }, { "bedrijf", "bedrijven/helian-polymers/", 1280 },
        { "onderwerp", "rugzak/logistiek/", 375 }, { "onderwerp", "rugzak/logistiek/", 1280 },
        { "artikel", "kennisbank/het-wrong-door-principe/", 375 }, { "artikel", "kennisbank/het-wrong-door-principe/", 1280 },
    };

    /// <summary>A pixel differs when a channel moves by more than this (anti-aliasing moves a few).</summary>
    private const int ChannelTolerance = 40;
    /// <summary>The share of pixels that may differ before the page counts as changed.</summary>
    private const double Threshold = 0.005;

    /// <summary>
    /// The first screen of four key pages against tests/.../baselines/. A change that moves what people see fails here
    /// with a diff image (changed pixels in red) beside the screenshot; when the change is meant, run the test with
    /// UPDATE_BASELINES=1 and commit the new baselines with it.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Compared))]
    public async Task Key_pages_look_as_their_baselines(string name, string path, int width)
    {
        var page = await OpenAsync(path, width);
        var shot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = false });
        var baseline = Path.Combine(Baselines, $"{name}-{width}.png");
        System.IO.Directory.CreateDirectory(Directory);

        if (Environment.GetEnvironmentVariable("UPDATE_BASELINES") == "1")
        {
            System.IO.Directory.CreateDirectory(Baselines);
            await File.WriteAllBytesAsync(baseline, shot);
        }
        Assert.True(File.Exists(baseline), $"No baseline {Path.GetRelativePath(Repository.Root, baseline)}: run the test with UPDATE_BASELINES=1 and commit it.");

        using var expected = SKBitmap.Decode(baseline);
        using var actual = SKBitmap.Decode(shot);
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        var (share, diff) = Compare(expected, actual);
        using var _ = diff;
        if (share > Threshold)
        {
            await File.WriteAllBytesAsync(Path.Combine(Directory, $"visueel-{name}-{width}.png"), shot);
            using var data = diff.Encode(SKEncodedImageFormat.Png, 100);
            await File.WriteAllBytesAsync(Path.Combine(Directory, $"visueel-{name}-{width}-verschil.png"), data.ToArray());
        }
        Assert.True(share <= Threshold, $"{name} at {width} px: {share:P2} of the pixels changed (threshold {Threshold:P1}); see visueel-{name}-{width}-verschil.png");
    }

    /// <summary>The share of pixels that moved, and an image of them (red) over a faint copy of the new screenshot.</summary>
    public static (double Share, SKBitmap Diff) Compare(SKBitmap expected, SKBitmap actual)
    {
        var diff = new SKBitmap(actual.Width, actual.Height);
        var changed = 0;
        for (var y = 0; y < actual.Height; y++)
        {
            for (var x = 0; x < actual.Width; x++)
            {
                var (a, b) = (actual.GetPixel(x, y), expected.GetPixel(x, y));
                var moved = Math.Max(Math.Abs(a.Red - b.Red), Math.Max(Math.Abs(a.Green - b.Green), Math.Abs(a.Blue - b.Blue))) > ChannelTolerance;
                if (moved) changed++;
                diff.SetPixel(x, y, moved ? SKColors.Red : new SKColor(a.Red, a.Green, a.Blue, 40));
            }
        }
        return ((double)changed / (actual.Width * actual.Height), diff);
    }

    [Fact]
    public void The_comparison_passes_a_shifted_edge_and_fails_a_moved_block()
    {
        SKBitmap Screen(float x, float y)
        {
            var bitmap = new SKBitmap(375, 900);
            using var canvas = new SKCanvas(bitmap);
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = new SKColor(0x9C, 0x0C, 0x24), IsAntialias = true };
            canvas.DrawRoundRect(SKRect.Create(x, y, 200, 48), 24, 24, paint);
            return bitmap;
        }
        using var baseline = Screen(20, 400);
        using var antiAliased = Screen(20.4f, 400.3f);
        using var moved = Screen(20, 460);

        var (edge, d1) = Compare(baseline, antiAliased);
        var (block, d2) = Compare(baseline, moved);
        d1.Dispose();
        d2.Dispose();

        Assert.InRange(edge, 0, Threshold);
        Assert.True(block > Threshold, $"a button moved by 60 px changed only {block:P2}");
    }

    public static TheoryData<string, int> CardPages()
    {
        var data = new TheoryData<string, int>();
        foreach (var path in new[] { "", "bedrijven/", "projecten/", "flats/", "kennisbank/", "rugzak/productie/", "vacatures/", "sectoren/machinebouw/" })
            foreach (var width in new[] { 320, 375, 1280 }) data.Add(path, width);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(CardPages))]
    public async Task No_word_in_a_card_breaks_in_the_middle(string path, int width)
    {
        var page = await OpenAsync(path, width);

        // Each word's range: a word on two lines has rectangles at two heights. A hyphen is a place to break
        // ("Noord-|Limburg"), so the parts between hyphens are the words checked.
        var broken = await page.EvaluateAsync<string[]>("""
            () => {
              const found = [];
              for (const card of document.querySelectorAll('.card')) {
                const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  for (const m of node.data.matchAll(/[^\s\-–]+[\-–]?/g)) {
                    const range = document.createRange();
                    range.setStart(node, m.index);
                    range.setEnd(node, m.index + m[0].length);
                    const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                    if (tops.size > 1) found.push(m[0]);
                  }
                }
              }
              return found;
            }
            """);
        Assert.Empty(broken);
        Assert.True(await page.Locator(".card").CountAsync() > 0, "the page has no cards to check");
    }
}
