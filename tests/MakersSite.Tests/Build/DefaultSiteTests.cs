using AngleSharp.Html.Parser;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

/// <summary>The repository's own default content builds, completely and with no broken links.</summary>
public sealed class DefaultSiteTests : IDisposable
{
    private readonly TestSite _site = TestSite.FromDefaultContent();

    [Fact]
    public void Builds_every_section_list_and_one_page_per_content_bundle()
    {
        var result = _site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);

        Assert.True(File.Exists(Path.Combine(_site.Output, "index.html")));
        foreach (var section in new[] { "bedrijven", "projecten", "kennisbank", "rugzak", "flats" })
        {
            Assert.True(File.Exists(Path.Combine(_site.Output, section, "index.html")), section);
            var bundles = Directory.GetDirectories(Path.Combine(_site.Root, "content", section)).Select(Path.GetFileName).ToList();
            Assert.NotEmpty(bundles);
            foreach (var slug in bundles)
            {
                var page = _site.Html($"{section}/{slug}/index.html");
                Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("main h1")?.TextContent), $"{section}/{slug} has no h1");
            }
        }
    }

    [Fact]
    public void Default_content_has_the_pages_the_seeds_call_for()
    {
        _site.Build();
        int Count(string section) => Directory.GetDirectories(Path.Combine(_site.Output, section)).Length;
        Assert.Equal(4, Count("flats"));
        Assert.Equal(9, Count("projecten"));
        Assert.Equal(9, Count("rugzak"));
        Assert.True(Count("bedrijven") >= 10);
        Assert.True(Count("kennisbank") >= 6);
        var aspects = _site.Html("aspecten/index.html").QuerySelectorAll("main .card h2").Select(h => h.TextContent).ToList();
        Assert.Equal(9, aspects.Count);
    }

    [Fact]
    public void The_member_guide_is_linked_from_every_page_footer()
    {
        Assert.True(_site.Build().Succeeded);
        var guide = _site.Html("bedrijfsprofiel-aanpassen/index.html");
        Assert.Equal("Je bedrijfsprofiel aanpassen", guide.QuerySelector("main h1")!.TextContent);
        Assert.Equal(
            ["Met het formulier", "Wat de beheerder eenmalig instelt", "Waar je profiel staat", "Op GitHub, zonder formulier", "Zo ziet de kop eruit", "Een logo en foto's toevoegen",
             "Vacatures en stages", "De meldingen lezen", "Wat niet kan"],
            guide.QuerySelectorAll("main h2").Select(h => h.FirstChild!.TextContent)); // the last child is the "#" anchor
        var footerLink = _site.Html("bedrijven/leolux/index.html").QuerySelectorAll("footer a").Single(a => a.TextContent == "Je bedrijfsprofiel aanpassen");
        Assert.Equal("../../bedrijfsprofiel-aanpassen/", footerLink.GetAttribute("href"));
    }

    [Fact]
    public void Every_internal_link_and_asset_in_public_resolves()
    {
        Assert.True(_site.Build().Succeeded);
        var parser = new HtmlParser();
        var checkedLinks = 0;
        foreach (var file in Directory.GetFiles(_site.Output, "*.html", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) == "404.html") continue; // served at any depth; its links are root-relative
            var document = parser.ParseDocument(File.ReadAllText(file));
            foreach (var element in document.QuerySelectorAll("[href], [src]"))
            {
                var url = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                if (url.StartsWith('#') || url.Contains(':')) continue;
                Assert.False(url.StartsWith('/'), $"{file}: internal link {url} should be relative so the site works from disk");
                var path = url.Split('#', '?')[0];
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
                if (path.EndsWith('/') || path.Length == 0) target = Path.Combine(target, "index.html");
                Assert.True(File.Exists(target), $"{Path.GetRelativePath(_site.Output, file)} links to {url}, which does not exist");
                checkedLinks++;
            }
        }
        Assert.True(checkedLinks > 500, $"only {checkedLinks} links checked");
    }

    [Fact]
    public void Two_builds_of_the_same_input_are_byte_identical()
    {
        var first = Path.Combine(_site.Root, "out-1");
        var second = Path.Combine(_site.Root, "out-2");
        Assert.True(_site.Build(first).Succeeded);
        Assert.True(_site.Build(second).Succeeded);
        Assert.Equal(TestSite.Snapshot(first), TestSite.Snapshot(second));
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_output_byte_identical()
    {
        Assert.True(_site.Build().Succeeded);
        var before = TestSite.Snapshot(_site.Output);

        _site.Write("content/bedrijven/leolux/index.md", "---\ntitle: \"Leolux\"\nsummary: \"kapot\n---\n");
        var result = _site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(before, TestSite.Snapshot(_site.Output));
        Assert.Empty(Directory.GetDirectories(_site.Root, ".public.staging-*"));
    }

    public void Dispose() => _site.Dispose();
}
