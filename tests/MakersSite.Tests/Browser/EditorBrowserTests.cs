using System.Text.Json;
using MakersSite.Content.Diagnostics;
using MakersSite.Content.Schema;
using MakersSite.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MakersSite.Tests.Browser;

/// <summary>
/// The form editor at /beheer/ (issue 25, items 2 and 3): the real Decap CMS in Chromium, on its in-memory test
/// backend (the default site names no repository, so /beheer/ is the trial, seeded here with the site's pages), with
/// the configuration and file format the build made. What a save produces is taken from the backend and goes through check and build.
/// </summary>
public sealed class EditorBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static string Shots => ScreenshotTests.Directory;

    private async Task<IPage> OpenAsync(string hash, int width = 1280)
    {
        var page = await site.NewPageAsync(width, 900);
        var foreign = new List<string>();
        page.Request += (_, request) => { if (!request.Url.StartsWith(site.Server!.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("blob:") && !request.Url.StartsWith("data:")) foreign.Add(request.Url); };
        // The trial starts with the site's own pages, as the CMS's test backend is seeded: by the page before it starts.
        var files = ContentSchemas.TypedSections
            .SelectMany(section => Directory.GetFiles(Path.Combine(site.Site.Root, "content", section), "*.md", SearchOption.AllDirectories))
            .ToDictionary(f => Path.GetRelativePath(site.Site.Root, f).Replace('\\', '/'), File.ReadAllText);
        await page.AddInitScriptAsync($"window.makersSiteTrial = {JsonSerializer.Serialize(files)};");
        await page.GotoAsync(site.Server!.BaseUrl + "beheer/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Bedrijven" }).First.WaitForAsync();
        await page.EvaluateAsync("hash => { location.hash = hash; }", hash);
        await page.Locator("[id^=\"title-field-\"]").First.WaitForAsync();
        Assert.Empty(foreign);
        return page;
    }

    private static ILocator Field(IPage page, string name, int index = 0) => page.Locator($"[id^=\"{name}-field-\"]").Nth(index);

    private static async Task ChooseAsync(IPage page, string name, string option, int index = 0)
    {
        await Field(page, name, index).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    private static async Task UploadAsync(IPage page, ILocator button, string file)
    {
        await button.ClickAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gebruik selectie" }).ClickAsync();
    }

    /// <summary>Saves and returns the files of the pull request the editorial workflow would open: text, or bytes for pictures.</summary>
    private static async Task<Dictionary<string, (string? Text, byte[]? Bytes)>> SaveAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        await page.WaitForFunctionAsync("() => Object.keys(window.repoFilesUnpublished).length > 0");
        await page.GetByText("Wijzigingen opgeslagen", new() { Exact = false }).First.WaitForAsync();
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const files = [];
              for (const entry of Object.values(window.repoFilesUnpublished)) {
                for (const d of entry.diffs) {
                  if (typeof d.content === 'string') files.push({ path: d.path, text: d.content });
                  else {
                    const bytes = new Uint8Array(await d.content.fileObj.arrayBuffer());
                    files.push({ path: d.path, base64: btoa(String.fromCharCode(...bytes)) });
                  }
                }
              }
              return JSON.stringify(files);
            }
            """);
        return JsonDocument.Parse(json).RootElement.EnumerateArray().ToDictionary(
            f => f.GetProperty("path").GetString()!,
            f => f.TryGetProperty("text", out var text) ? (text.GetString(), (byte[]?)null) : (null, Convert.FromBase64String(f.GetProperty("base64").GetString()!)));
    }

    [SkippableFact]
    public async Task A_new_company_typed_into_the_form_passes_check_and_builds_into_the_page_that_was_typed()
    {
        var page = await OpenAsync("#/collections/bedrijven/new");
        var logo = Path.Combine(Path.GetTempPath(), $"logo-{Guid.NewGuid():N}.png");
        var photo = Path.Combine(Path.GetTempPath(), $"werkplaats-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(logo, TestImages.Png(120, 60));
        File.WriteAllBytes(photo, TestImages.Png(800, 600));

        await Field(page, "title").FillAsync("Proefbedrijf Maaswerk");
        await Field(page, "summary").FillAsync("Proefbedrijf Maaswerk maakt plaatwerk voor de machinebouw.");
        await Field(page, "place").FillAsync("Venray");
        await ChooseAsync(page, "municipality", "Venray");
        await ChooseAsync(page, "sectors", "Metaal");
        await UploadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Kies een afbeelding" }).First, logo);
        await Field(page, "website").FillAsync("https://www.voorbeeld.nl/");
        await Field(page, "kvk").FillAsync("12345678");
        await ChooseAsync(page, "employees", "10 tot 50");
        await Field(page, "founded").FillAsync("1998");
        await Field(page, "member").ClickAsync();
        await Field(page, "street").FillAsync("Proefstraat 1");
        await Field(page, "postcode").FillAsync("5801 AB");
        await Field(page, "place", 1).FillAsync("Venray");
        await ChooseAsync(page, "flats", "Nieuwe Technologieën");
        await ChooseAsync(page, "projects", "Lean Academy");
        await ChooseAsync(page, "aspects", "Productie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voeg vacatures en stages toe" }).ClickAsync();
        await Field(page, "title", 1).FillAsync("Monteur plaatwerk");
        await ChooseAsync(page, "kind", "Vacature");
        await ChooseAsync(page, "level", "mbo");
        await Field(page, "url").FillAsync("https://www.voorbeeld.nl/vacatures/monteur/");
        await Field(page, "posted").FillAsync("2026-11-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voeg foto's toe" }).ClickAsync();
        await UploadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Kies een afbeelding" }).Last, photo);
        await Field(page, "alt").FillAsync("De werkplaats met de kantbank");
        await page.Locator("[id^=\"email-field-\"]").Last.FillAsync("info@voorbeeld.nl");
        await page.Locator("[data-slate-editor]").ClickAsync();
        await page.Keyboard.TypeAsync("Bij Proefbedrijf Maaswerk zetten we plaatwerk om in machines.");
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "beheer-bedrijf-1280.png") });

        var files = await SaveAsync(page);

        const string folder = "content/bedrijven/proefbedrijf-maaswerk";
        Assert.Equal([$"{folder}/index.md", $"{folder}/{Path.GetFileName(logo)}", $"{folder}/{Path.GetFileName(photo)}"], files.Keys.Order(StringComparer.Ordinal));
        var text = files[$"{folder}/index.md"].Text!;
        Assert.DoesNotContain("''", text);
        Assert.DoesNotContain("\"\"", text);
        using var result = TestSite.FromDefaultContent();
        foreach (var (path, (fileText, bytes)) in files)
        {
            if (fileText is not null) result.Write(path, fileText);
            else result.WriteBytes(path, bytes!);
        }
        var check = result.Check();
        Assert.Empty(check.Diagnostics.Select(DiagnosticFormatter.Text));
        Assert.True(result.Build().Succeeded);

        var html = result.Html("bedrijven/proefbedrijf-maaswerk/index.html");
        Assert.Equal("Proefbedrijf Maaswerk", html.QuerySelector("main h1")!.TextContent.Trim());
        var main = html.QuerySelector("main")!.TextContent;
        foreach (var typed in new[] { "Proefbedrijf Maaswerk maakt plaatwerk voor de machinebouw.", "Venray", "Metaal", "Monteur plaatwerk", "Proefstraat 1", "5801 AB",
                     "Lean Academy", "Bij Proefbedrijf Maaswerk zetten we plaatwerk om in machines." })
            Assert.Contains(typed, main);
        Assert.NotNull(html.QuerySelector("main a[href='https://www.voorbeeld.nl/vacatures/monteur/']"));
        Assert.NotNull(html.QuerySelector("main a[href='mailto:info@voorbeeld.nl']"));
        Assert.NotNull(html.QuerySelector("main img[alt='De werkplaats met de kantbank']"));
        var jsonLd = html.QuerySelector("script[type='application/ld+json']")!.TextContent;
        Assert.Contains("\"iso6523Code\":\"0106:12345678\"", jsonLd);
        Assert.Contains("\"foundingDate\":\"1998\"", jsonLd);
        Assert.Contains("\"memberOf\"", jsonLd);
        Assert.Contains("member: true\n", text);
    }

    [SkippableFact]
    public async Task Editing_a_default_profile_changes_only_the_field_that_was_edited()
    {
        var page = await OpenAsync("#/collections/bedrijven/entries/blue-engineering/index");
        var original = File.ReadAllText(Path.Combine(site.Site.Root, "content/bedrijven/blue-engineering/index.md"));
        Assert.Equal("Venlo", await Field(page, "place").InputValueAsync());

        await Field(page, "place").FillAsync("Venlo-Blerick");
        var files = await SaveAsync(page);

        Assert.Equal(["content/bedrijven/blue-engineering/index.md"], files.Keys);
        Assert.Equal(original.Replace("place: \"Venlo\"\n", "place: \"Venlo-Blerick\"\n"), files["content/bedrijven/blue-engineering/index.md"].Text);
    }

    [SkippableFact]
    public async Task The_company_form_is_saved_as_a_screenshot_at_phone_width()
    {
        var page = await OpenAsync("#/collections/bedrijven/entries/helian-polymers/index", 375);
        Directory.CreateDirectory(Shots);
        var file = Path.Combine(Shots, "beheer-bedrijf-375.png");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });

        Assert.True(new FileInfo(file).Length > 10_000);
        Assert.Equal("Helian Polymers", await Field(page, "title").InputValueAsync());
    }
}
