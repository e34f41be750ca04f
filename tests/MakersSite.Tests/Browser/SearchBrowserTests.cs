using MakersSite.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MakersSite.Tests.Browser;

/// <summary>Conformance 4 and the "done when": search in real Chromium, over http and from disk.</summary>
public sealed class SearchBrowserTests(SearchSite site) : IClassFixture<SearchSite>
{
    public static TheoryData<string> Origins => new() { "http", "file" };

    private string SearchUrl(string origin, string query) => origin == "http"
        ? $"{site.Server!.BaseUrl}zoeken/{query}"
        : site.FileUrl("zoeken/index.html") + query;

    private static async Task<List<(string Title, string Href)>> ResultsAsync(IPage page)
    {
        await page.WaitForSelectorAsync("#search-results a");
        var links = await page.QuerySelectorAllAsync("#search-results .search-hit > h2 a");
        var results = new List<(string, string)>();
        foreach (var link in links) results.Add(((await link.TextContentAsync())!, (await link.GetAttributeAsync("href"))!));
        return results;
    }

    [SkippableTheory]
    [MemberData(nameof(Origins))]
    public async Task A_word_finds_pages_whose_links_open_them(string origin)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(SearchUrl(origin, "?q=kunststof"));

        var results = await ResultsAsync(page);

        Assert.Contains(results, r => r.Title == "Helian Polymers");
        Assert.Contains(results, r => r.Title == "Bioplastics Centre");
        // Only pages whose own text says it (issue 26): not the Rugzak pages or the flat that show a card with the word.
        Assert.Equal(["Bioplastics Centre", "Bioplastics Centre: de echte waarde zit in kennis van materialen", "Helian Polymers", "Meldon Plastics", "Onderzoek: uitzoeken hoe het beter kan"],
            results.Select(r => r.Title).Order(StringComparer.Ordinal));
        Assert.Equal("5 resultaten voor ‘kunststof’.", await page.TextContentAsync("#search-status"));
        Assert.True(await page.Locator("#search-results mark").CountAsync() > 0, "matched words are highlighted");
        // Snippets come from the page's own sentences: not a company's place line, nor a date or status line.
        foreach (var snippet in await page.Locator("#search-results .search-hit > .snippet").AllTextContentsAsync())
            Assert.DoesNotMatch("^(… )?(Bergen|Belfeld) · gemeente|^(… )?(Stand van zaken|Status):", snippet);
        var helian = results.First(r => r.Title == "Helian Polymers").Href;
        Assert.EndsWith(origin == "http" ? "/bedrijven/helian-polymers/" : "/bedrijven/helian-polymers/index.html", helian);

        await page.ClickAsync("#search-results a:text-is('Helian Polymers')");
        await page.WaitForURLAsync(helian);
        Assert.Equal("Helian Polymers", await page.TextContentAsync("main h1"));
    }

    [SkippableTheory]
    [MemberData(nameof(Origins))]
    public async Task The_guides_sample_file_and_other_pages_cards_are_not_what_a_page_is_found_by(string origin)
    {
        var page = await site.NewPageAsync();
        // "Voorbeeld Metaal BV … machines" stands in the member guide's YAML example, a code block.
        await page.GotoAsync(SearchUrl(origin, "?q=machi"));
        var machines = await ResultsAsync(page);
        Assert.NotEmpty(machines);
        Assert.DoesNotContain(machines, r => r.Title == "Je bedrijfsprofiel aanpassen");
        // "robotisering" is in the flat's card on its project pages, and in the flat's own text.
        await page.GotoAsync(SearchUrl(origin, "?q=robot"));
        var robots = await ResultsAsync(page);
        Assert.Contains(robots, r => r.Title == "Nieuwe Technologieën");
        Assert.DoesNotContain(robots, r => r.Title is "Bioplastics Centre" or "Material Analysis Lab" or "Sustainable Food Processing");
    }

    [SkippableTheory]
    [MemberData(nameof(Origins))]
    public async Task Pages_with_every_word_come_first_and_the_count_says_how_many_there_are(string origin)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(SearchUrl(origin, "?q=lean%20canon"));
        var results = await ResultsAsync(page);
        var status = (await page.TextContentAsync("#search-status"))!;
        var match = System.Text.RegularExpressions.Regex.Match(status, "^([0-9]+) resultaten voor ‘lean canon’, waarvan ([0-9]+) met alle woorden bovenaan\\.$");
        Assert.True(match.Success, status);
        var complete = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        var top = results.Take(complete).Select(r => r.Title).ToList();
        Assert.Contains("Lean Academy", top);
        Assert.Contains("Canon Production Printing", top);
        // "Lean" is one of its glossary words, but Canon is not on it: it comes after the pages with both.
        Assert.Contains("Productie: het product echt maken", results.Skip(complete).Select(r => r.Title));

        // A stop word is no word to hold: "werken bij" counts one word, so nothing is said about all words.
        await page.GotoAsync(SearchUrl(origin, "?q=werken%20bij"));
        await ResultsAsync(page);
        Assert.DoesNotContain("alle woorden", await page.TextContentAsync("#search-status"));
    }

    [SkippableTheory]
    [MemberData(nameof(Origins))]
    public async Task Vacancies_and_internships_are_results_of_their_own_that_open_the_vacancys_page(string origin)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(SearchUrl(origin, "?q=stage%20venlo"));
        var results = await ResultsAsync(page);
        Assert.Equal("Stage lassen en plaatwerk", results[0].Title);
        const string vacancy = "/bedrijven/proef-metaalbewerking/vacatures/stage-lassen-en-plaatwerk-2026-10-15/";
        Assert.EndsWith(origin == "http" ? vacancy : vacancy + "index.html", results[0].Href);
        Assert.Equal("Vacature of stage", await page.TextContentAsync("#search-results .search-hit .meta"));
        Assert.Equal("Stage op mbo-niveau bij Proef Metaalbewerking in Venlo.", await page.TextContentAsync("#search-results .search-hit .snippet"));
        await page.ClickAsync("#search-results a:text-is('Stage lassen en plaatwerk')");
        await page.WaitForURLAsync(results[0].Href);
        Assert.Equal("Stage lassen en plaatwerk", await page.TextContentAsync("main h1"));

        await page.GotoAsync(SearchUrl(origin, "?q=mbo%20lassen"));
        Assert.Contains(await ResultsAsync(page), r => r.Title == "Stage lassen en plaatwerk");
        await page.GotoAsync(SearchUrl(origin, "?q=lasser"));
        Assert.Equal("Lasser MIG/MAG", (await ResultsAsync(page))[0].Title);

        // Kind, level and place are facets of their own.
        await page.GotoAsync(SearchUrl(origin, "?type=vacature"));
        Assert.Equal(5, (await ResultsAsync(page)).Count);
        await page.GotoAsync(SearchUrl(origin, "?type=vacature&level=mbo&municipality=venlo"));
        Assert.Equal(["Lasser MIG/MAG", "Stage lassen en plaatwerk"], (await ResultsAsync(page)).Select(r => r.Title).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Origins))]
    public async Task A_query_without_results_offers_the_nearest_words_and_ways_to_browse(string origin)
    {
        var page = await site.NewPageAsync();
        // Too short to be corrected on its own: offered, not run.
        await page.GotoAsync(SearchUrl(origin, "?q=laen"));
        await page.WaitForFunctionAsync("() => document.querySelector('#search-status').textContent.includes('Of bekijk')");
        var status = (await page.TextContentAsync("#search-status"))!;
        Assert.StartsWith("Niets gevonden voor ‘laen’. Bedoelde je ", status);
        var links = await page.Locator("#search-status a").AllAsync();
        var texts = new List<string>();
        foreach (var link in links) texts.Add((await link.TextContentAsync())!);
        Assert.Contains("lean", texts);
        Assert.Equal(["bedrijven", "vacatures en stages", "projecten", "kennisbankartikelen", "Rugzak-onderwerpen"], texts.TakeLast(5));

        await page.ClickAsync("#search-status a:text-is('lean')");
        Assert.Contains(await ResultsAsync(page), r => r.Title == "Lean Academy");

        // No near word at all: still the ways to browse, and they lead somewhere.
        await page.GotoAsync(SearchUrl(origin, "?q=xyzzyq"));
        await page.WaitForFunctionAsync("() => document.querySelector('#search-status').textContent.includes('Of bekijk')");
        Assert.Equal("Niets gevonden voor ‘xyzzyq’. Of bekijk alle bedrijven, vacatures en stages, projecten, kennisbankartikelen of Rugzak-onderwerpen.",
            await page.TextContentAsync("#search-status"));
        await page.ClickAsync("#search-status a:text-is('vacatures en stages')");
        Assert.Equal(5, (await ResultsAsync(page)).Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Origins))]
    public async Task A_section_whose_heading_matches_is_a_sub_result_linking_to_its_anchor(string origin)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(SearchUrl(origin, "?q=meldingen"));
        await ResultsAsync(page);
        var guide = page.Locator(".search-hit", new() { Has = page.Locator("h2 a:text-is('Je bedrijfsprofiel aanpassen')") });
        var sub = guide.Locator(".sub-result a");
        Assert.Equal(["De meldingen lezen"], await sub.AllTextContentsAsync());
        var href = (await sub.GetAttributeAsync("href"))!;
        Assert.EndsWith((origin == "http" ? "/bedrijfsprofiel-aanpassen/" : "/bedrijfsprofiel-aanpassen/index.html") + "#de-meldingen-lezen", href);
        await sub.ClickAsync();
        await page.WaitForURLAsync(href);
        Assert.Equal("De meldingen lezen", (await page.TextContentAsync("#de-meldingen-lezen"))!.TrimEnd('#').Trim());

        // Within the shown text, the sub-result has a snippet of its own section, not of the page's start.
        await page.GotoAsync(SearchUrl(origin, "?q=aanpak"));
        await ResultsAsync(page);
        var lesson = page.Locator(".search-hit", new() { Has = page.Locator("h2 a:text-is('Samen sterker in 3D-printen van spare parts')") });
        Assert.Equal(["De aanpak"], await lesson.Locator(".sub-result a").AllTextContentsAsync());
        Assert.StartsWith("Vanuit de gedachte dat er", await lesson.Locator(".sub-result .snippet").TextContentAsync());

        // A word only in the text, not in a heading, gives no sub-result.
        await page.GotoAsync(SearchUrl(origin, "?q=kunststof"));
        await ResultsAsync(page);
        Assert.Equal(0, await page.Locator(".sub-result").CountAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Origins))]
    public async Task Typing_a_prefix_shows_results_as_you_type_and_the_url_follows(string origin)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(SearchUrl(origin, ""));
        await page.Locator("#search-input").PressSequentiallyAsync("bioplast", new() { Delay = 20 });
        // Earlier keystrokes may have shown results of their own; wait for those of the whole prefix.
        await page.WaitForFunctionAsync("() => document.querySelector('#search-status').textContent.includes('‘bioplast’')");

        var results = await ResultsAsync(page);

        Assert.Contains(results, r => r.Title == "Bioplastics Centre");
        if (origin == "http") await page.WaitForURLAsync(url => url.EndsWith("/zoeken/?q=bioplast", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Origins))]
    public async Task A_misspelled_word_is_corrected_with_a_suggestion(string origin)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(SearchUrl(origin, "?q=kunstsof"));

        var results = await ResultsAsync(page);

        Assert.Contains(results, r => r.Title == "Helian Polymers");
        var status = await page.TextContentAsync("#search-status");
        Assert.StartsWith("Niets gevonden voor ‘kunstsof’. Bedoelde je kunststof?", status);
        Assert.Equal("kunststof", await page.TextContentAsync("#search-status a"));
    }

    [SkippableTheory]
    [MemberData(nameof(Origins))]
    public async Task Facets_filter_and_can_be_browsed_without_a_query(string origin)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(SearchUrl(origin, "?type=rugzak"));

        var results = await ResultsAsync(page);
        Assert.Equal(9, results.Count);
        Assert.True(await page.IsCheckedAsync("#f-type-rugzak"));
        Assert.All(await page.Locator(".search-hit .meta").AllTextContentsAsync(), type => Assert.Equal("Regio in je Rugzak", type));

        // Combine with a query: only Rugzak pages about the word remain, and the counts follow.
        await page.FillAsync("#search-input", "machine");
        await page.PressAsync("#search-input", "Enter");
        await page.WaitForFunctionAsync("() => document.querySelector('#search-status').textContent.includes('machine')");
        var filtered = await ResultsAsync(page);
        Assert.InRange(filtered.Count, 1, 8);
        Assert.All(await page.Locator(".search-hit .meta").AllTextContentsAsync(), type => Assert.Equal("Regio in je Rugzak", type));
        if (origin == "http") Assert.EndsWith("/zoeken/?q=machine&type=rugzak", page.Url);
    }

    [SkippableTheory]
    [MemberData(nameof(Origins))]
    public async Task The_search_box_on_every_page_submits_to_the_search_page(string origin)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(origin == "http" ? $"{site.Server!.BaseUrl}bedrijven/leolux/" : site.FileUrl("bedrijven/leolux/index.html"));
        await page.FillAsync("#site-search-input", "lean");
        await page.PressAsync("#site-search-input", "Enter");

        var results = await ResultsAsync(page);

        Assert.Contains(results, r => r.Title == "Lean Academy");
        Assert.Contains("zoeken/", page.Url);
        Assert.Contains("q=lean", page.Url);
    }
}
