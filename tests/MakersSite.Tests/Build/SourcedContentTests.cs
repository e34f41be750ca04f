using System.Text.Json.Nodes;
using AngleSharp.Dom;
using MakersSite.Content.Diagnostics;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

/// <summary>
/// The default content states what its sources say and names them (issue 28): every page but the member guide has
/// sources, no page shows a slug where a name belongs, and the JSON-LD claims nothing the content does not say.
/// </summary>
public sealed class SourcedContentTests : IDisposable
{
    private readonly TestSite _site = TestSite.FromDefaultContent();

    private static readonly string[] Sections = ["bedrijven", "projecten", "kennisbank", "rugzak", "flats"];

    public void Dispose() => _site.Dispose();

    private IEnumerable<(string Url, IDocument Page)> Pages()
    {
        foreach (var file in Directory.GetFiles(_site.Output, "index.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(_site.Output, file).Replace('\\', '/');
            var page = _site.Html(relative);
            if (page.QuerySelector("meta[http-equiv=refresh]") is not null) continue;
            yield return ("/" + relative[..^"index.html".Length], page);
        }
    }

    private List<string> Slugs(params string[] sections) =>
        sections.SelectMany(s => Directory.GetDirectories(Path.Combine(_site.Root, "content", s)).Select(d => Path.GetFileName(d)!)).ToList();

    [Fact]
    public void Every_page_but_the_member_guide_names_its_sources_with_publisher_and_year()
    {
        var result = _site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(DiagnosticFormatter.Text)));
        Assert.Empty(result.Diagnostics); // a kennisbank article without a source would be a warning here

        var content = Path.Combine(_site.Root, "content");
        foreach (var file in Directory.GetFiles(content, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(content, file).Replace('\\', '/');
            if (relative.StartsWith("bedrijfsprofiel-aanpassen/", StringComparison.Ordinal)) continue; // documents this site, not the region
            var url = "/" + Path.GetDirectoryName(relative)!.Replace('\\', '/') + "/";
            url = url == "//" ? "/" : url;
            var page = Pages().Single(p => p.Url == url).Page;
            var sources = page.QuerySelector("main .sources");
            Assert.True(sources is not null, $"{relative} toont geen bron");
            Assert.Matches(@"^Bron(nen)?: ", sources!.TextContent);
            foreach (var cite in sources.QuerySelectorAll("cite"))
                Assert.Contains(cite.TextContent, new[] { "Actieprogramma Maakindustrie Noord-Limburg 2022–2024", "Een sterke maakindustrie in Limburg", "Routeplan 2021–2024 Keyport Next Level" });
            Assert.DoesNotContain("Bron: *", page.QuerySelector("main .prose")?.TextContent ?? "");
        }
        var lesson = _site.Html("kennisbank/resultaten-van-limburgmakers/index.html");
        Assert.Equal("Bron: Een sterke maakindustrie in Limburg, Provincie Limburg (2015).", lesson.QuerySelector("main .sources")!.TextContent);
        Assert.Equal("Stand van zaken: 2015 · bijgewerkt op 22 november 2026", lesson.QuerySelector("main .meta")!.TextContent);
        Assert.Equal("2015", lesson.QuerySelector("main .meta time")!.GetAttribute("datetime"));
        var keyport = _site.Html("kennisbank/een-kennisbank-als-geheugen/index.html");
        Assert.Equal("Stand van zaken: 2021–2024 · bijgewerkt op 22 november 2026", keyport.QuerySelector("main .meta")!.TextContent);
        Assert.Equal(["2021", "2024", "2026-11-22"], keyport.QuerySelectorAll("main .meta time").Select(t => t.GetAttribute("datetime")));
    }

    [Fact]
    public void No_rendered_text_is_a_page_slug_where_a_name_belongs()
    {
        Assert.True(_site.Build().Succeeded);
        // Company and project slugs are no Dutch words; other sections' slugs are ("productie"), so only their hyphenated ones count.
        var slugs = Slugs("bedrijven", "projecten").Concat(Slugs(Sections).Where(s => s.Contains('-'))).ToHashSet(StringComparer.Ordinal);
        var found = new List<string>();
        foreach (var (url, page) in Pages())
        {
            foreach (var text in page.Body!.Descendants<IText>())
            {
                if (text.Ancestors<IElement>().Any(e => e.LocalName is "code" or "pre" or "script" or "style" or "template")) continue;
                foreach (var word in text.Data.Split([' ', '\n', '\t', '\u00a0', ',', '.', ';', ':', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
                    if (slugs.Contains(word)) found.Add($"{url}: {word}");
            }
        }
        Assert.Empty(found);

        var project = _site.Html("projecten/bioplastics-centre/index.html");
        Assert.Equal(["Helian Polymers", "Meldon Plastics"], project.QuerySelectorAll("main dt:first-of-type ~ dd a").Select(a => a.TextContent).Take(2));
    }

    [Fact]
    public void Statuses_and_partners_say_what_the_action_programme_says_with_its_year()
    {
        Assert.True(_site.Build().Succeeded);
        string Status(string slug) => _site.Html($"projecten/{slug}/index.html").QuerySelector("main .meta")!.TextContent;
        Assert.Equal("Status: Gestart (2022)", Status("land-van-de-makers"));
        Assert.Equal("Status: Aangevraagd (2022)", Status("regio-in-je-rugzak"));
        foreach (var slug in Slugs("projecten").Except(["land-van-de-makers", "regio-in-je-rugzak"]))
            Assert.Equal("Status: Voorgesteld (2022)", Status(slug));
        var partners = _site.Html("projecten/sustainable-food-processing/index.html").QuerySelectorAll("main dd").Select(d => d.TextContent);
        Assert.Equal(["Sudryso", "BASF Agricultural", "Brightlands Campus", "Universiteit Maastricht"], partners);
    }

    [Fact]
    public void Json_ld_claims_only_what_the_content_supports()
    {
        Assert.True(_site.Build().Succeeded);
        foreach (var (url, page) in Pages())
        {
            var items = page.QuerySelectorAll("script[type='application/ld+json']")
                .SelectMany(s => JsonNode.Parse(s.TextContent)!["@graph"]!.AsArray()).Select(n => n!).ToList();
            foreach (var item in items)
            {
                var type = item["@type"]!.GetValue<string>();
                // No company is named a member of the network by the seeds: they supported its programme.
                if (url.StartsWith("/bedrijven/", StringComparison.Ordinal)) Assert.Null(item["memberOf"]);
                if (type != "Article") continue;
                // The day an article appeared is not known; its facts' period and its last edit are.
                Assert.Null(item["datePublished"]);
                var slug = url.Split('/')[2];
                var written = File.ReadAllLines(Path.Combine(_site.Root, "content", "kennisbank", slug, "index.md")).Single(l => l.StartsWith("date: ", StringComparison.Ordinal))[6..];
                Assert.Equal(written.Replace('-', '/'), item["temporalCoverage"]!.GetValue<string>());
                Assert.Equal("2026-11-22", item["dateModified"]!.GetValue<string>());
                Assert.NotEmpty(item["isBasedOn"]!.AsArray());
            }
        }
    }

    [Fact]
    public void A_kennisbank_article_without_a_source_is_a_warning_and_still_builds()
    {
        using var site = TestSite.Create(("content/kennisbank/les/index.md", Fixtures.Lesson().Replace("sources:\n  - title: \"Een verslag\"\n", "")));
        var result = site.Check();
        Assert.True(result.Succeeded);
        Assert.Equal(
            ["content/kennisbank/les/index.md:2:1: waarschuwing [sources]: Dit kennisbankartikel noemt geen bron. Zet onder 'sources' de titel, de uitgever en het jaar van het document waar de feiten uit komen (en een link als die er is), zodat lezers ze kunnen nagaan."],
            result.Diagnostics.Select(DiagnosticFormatter.Text));
    }
}
