using System.IO.Compression;
using System.Text.Json;
using MakersSite.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MakersSite.Tests.Browser;

/// <summary>WCAG 2.2 AA in real Chromium: axe-core on every page type, keyboard use, 320 px reflow, no third parties, page weight.</summary>
public sealed class AccessibilityTests(SearchSite site) : IClassFixture<SearchSite>
{
    /// <summary>One page of every type the default site has, and a company with vacancies and a vacancy's page from the search fixture.</summary>
    public static TheoryData<string> PageTypes => new()
    {
        "/", "/bedrijven/", "/bedrijven/helian-polymers/", "/projecten/", "/projecten/bioplastics-centre/", "/kennisbank/",
        "/kennisbank/het-wrong-door-principe/", "/rugzak/", "/rugzak/logistiek/", "/flats/", "/flats/nieuwe-technologieen/",
        "/sectoren/", "/sectoren/machinebouw/", "/gemeenten/venlo/", "/aspecten/productie/", "/over/", "/bedrijfsprofiel-aanpassen/",
        "/zoeken/?q=kunststof", "/vacatures/", "/mijn-rugzak/", "/bestaat-niet/",
        "/bedrijven/proef-metaalbewerking/", "/bedrijven/proef-metaalbewerking/vacatures/lasser-mig-mag-2026-10-01/",
    };

    private static readonly string AxeScript = Path.Combine(Repository.Root, "tests", "MakersSite.Tests", "node_modules", "axe-core", "axe.min.js");

    private async Task<IPage> OpenAsync(string path, int width = 1280)
    {
        var page = await site.NewPageAsync(width);
        await page.GotoAsync(site.Server!.BaseUrl + path.TrimStart('/'));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (path.StartsWith("/zoeken/", StringComparison.Ordinal)) await page.WaitForSelectorAsync("#search-results a");
        return page;
    }

    [SkippableTheory]
    [MemberData(nameof(PageTypes))]
    public async Task Axe_finds_no_violations(string path)
    {
        var page = await OpenAsync(path);
        await page.AddScriptTagAsync(new() { Path = AxeScript });

        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
              return result.violations.map(v => v.id + ": " + v.help + " → " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "));
            }
            """);

        Assert.True(violations.GetArrayLength() == 0, path + "\n" + string.Join("\n", violations.EnumerateArray().Select(v => v.GetString())));
    }

    [SkippableTheory]
    [MemberData(nameof(PageTypes))]
    public async Task The_keyboard_reaches_everything_with_a_visible_focus_starting_at_the_skip_link(string path)
    {
        var page = await OpenAsync(path);

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Naar de inhoud", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));

        var seen = new HashSet<string>();
        for (var i = 0; i < 200; i++)
        {
            var focus = await page.EvaluateAsync<JsonElement>("""
                () => {
                  const e = document.activeElement;
                  if (!e || e === document.body) return null;
                  const box = e.getBoundingClientRect();
                  const style = getComputedStyle(e);
                  const path = [];
                  for (let n = e; n && n.nodeType === 1; n = n.parentElement) path.unshift(n.tagName + ([...(n.parentElement?.children ?? [])].indexOf(n)));
                  return { id: path.join(">"), width: box.width, height: box.height, outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth), shadow: style.boxShadow };
                }
                """);
            if (focus.ValueKind == JsonValueKind.Null) break;
            var id = focus.GetProperty("id").GetString()!;
            if (!seen.Add(id)) break; // back at the start: the whole page was reached
            Assert.True(focus.GetProperty("width").GetDouble() >= 1 && focus.GetProperty("height").GetDouble() >= 1, $"{path}: focus on an invisible element {id}");
            var visibleRing = focus.GetProperty("outline").GetString() != "none" && focus.GetProperty("outlineWidth").GetDouble() >= 2;
            Assert.True(visibleRing, $"{path}: no visible focus on {id}");
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.True(seen.Count >= 3, $"{path}: only {seen.Count} focusable elements");
    }

    [SkippableTheory]
    [MemberData(nameof(PageTypes))]
    public async Task Content_reflows_at_320_px_without_horizontal_scrolling(string path)
    {
        var page = await OpenAsync(path, width: 320);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} scrolls {overflow} px sideways at 320 px");
    }

    [SkippableTheory]
    [MemberData(nameof(PageTypes))]
    public async Task Nothing_is_requested_from_another_origin(string path)
    {
        var page = await site.NewPageAsync();
        // Filled from Playwright's event thread: a concurrent queue, read as a snapshot.
        var foreign = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(site.Server!.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)) foreign.Enqueue(request.Url);
        };
        await page.GotoAsync(site.Server!.BaseUrl + path.TrimStart('/'));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(foreign.ToArray());
    }

    [SkippableFact]
    public async Task The_home_page_transfers_at_most_100_KB_without_images()
    {
        var page = await site.NewPageAsync();
        var files = new List<string>();
        page.Response += (_, response) => { lock (files) files.Add(response.Url); };
        await page.GotoAsync(site.Server!.BaseUrl);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        long bytes = 0;
        string[] loaded;
        lock (files) loaded = files.Distinct().ToArray();
        foreach (var url in loaded)
        {
            var local = Path.Combine(site.Site.Output, Uri.UnescapeDataString(new Uri(url).AbsolutePath).TrimStart('/'));
            if (Directory.Exists(local)) local = Path.Combine(local, "index.html");
            if (Path.GetExtension(local) is ".png" or ".jpg" or ".webp" or ".svg" or ".gif") continue;
            bytes += Gzipped(File.ReadAllBytes(local));
        }
        Assert.True(bytes <= 100 * 1024, $"the home page transfers {bytes / 1024} KB");
        Assert.Contains(files, f => f.EndsWith(".woff2", StringComparison.Ordinal));
    }

    private static long Gzipped(byte[] bytes)
    {
        if (bytes.Length > 2 && bytes[0] == 0x1F && bytes[1] == 0x8B) return bytes.Length;
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return buffer.Length;
    }
}
