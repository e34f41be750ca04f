using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

public sealed class SiteAssemblyTests
{
    [Fact]
    public void A_reference_from_one_side_links_both_ways()
    {
        using var site = TestSite.Create(
            ("content/flats/techniek/index.md", Fixtures.Flat()),
            ("content/projecten/proef/index.md", Fixtures.Project(extra: "initiators:\n  - testfabriek")),
            ("content/bedrijven/testfabriek/index.md", Fixtures.Company(extra: "aspects:\n  - productie")),
            ("content/rugzak/productie/index.md", Fixtures.Topic()));
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var company = site.Html("bedrijven/testfabriek/index.html");
        Assert.Equal(["Testproject"], company.QuerySelectorAll("#rel-projecten ~ ul a").Select(a => a.TextContent));
        Assert.Equal("../../projecten/proef/", company.QuerySelector("#rel-projecten ~ ul a")!.GetAttribute("href"));
        // The topic names no company; the company lists the aspect, so it shows up there.
        Assert.Equal(["Testfabriek"], site.Html("rugzak/productie/index.html").QuerySelectorAll("#waar ~ ul a").Select(a => a.TextContent));
        Assert.Equal(["Testproject"], site.Html("flats/techniek/index.html").QuerySelectorAll("#rel-projecten ~ ul a").Select(a => a.TextContent));
    }

    [Fact]
    public void An_article_about_a_project_joins_its_flat_and_its_companies()
    {
        using var site = TestSite.Create(
            ("content/flats/techniek/index.md", Fixtures.Flat()),
            ("content/projecten/proef/index.md", Fixtures.Project(extra: "initiators:\n  - testfabriek")),
            ("content/bedrijven/testfabriek/index.md", Fixtures.Company()),
            ("content/kennisbank/les/index.md", Fixtures.Lesson(extra: "project: proef")));
        Assert.True(site.Build().Succeeded);

        var article = site.Html("kennisbank/les/index.html");
        Assert.Equal(["Testfabriek"], article.QuerySelectorAll("#rel-bedrijven ~ ul a").Select(a => a.TextContent));
        Assert.Equal(["Techniek"], article.QuerySelectorAll("#rel-flats ~ ul a").Select(a => a.TextContent));
        Assert.Equal(["Een les"], site.Html("flats/techniek/index.html").QuerySelectorAll("#rel-kennisbank ~ ul a").Select(a => a.TextContent));
        Assert.Equal(["Een les"], site.Html("bedrijven/testfabriek/index.html").QuerySelectorAll("#rel-kennisbank ~ ul a").Select(a => a.TextContent));
    }

    [Fact]
    public void Taxonomy_terms_get_pages_listing_their_members()
    {
        using var site = TestSite.Create(("content/bedrijven/testfabriek/index.md", Fixtures.Company()));
        Assert.True(site.Build().Succeeded);

        Assert.Equal(["Testfabriek"], site.Html("sectoren/machinebouw/index.html").QuerySelectorAll("main .card a").Select(a => a.TextContent));
        Assert.Empty(site.Html("sectoren/metaal/index.html").QuerySelectorAll("main .card"));
        Assert.Equal(["Testfabriek"], site.Html("gemeenten/venlo/index.html").QuerySelectorAll("main .card a").Select(a => a.TextContent));
        Assert.Equal(["Machinebouw", "Metaal"], site.Html("sectoren/index.html").QuerySelectorAll("main .card h2").Select(h => h.TextContent));
    }

    [Fact]
    public void Drafts_are_left_out_unless_asked_for()
    {
        using var site = TestSite.Create(("content/bedrijven/geheim/index.md", Fixtures.Company(extra: "draft: true")));
        Assert.True(site.Build().Succeeded);
        Assert.False(Directory.Exists(Path.Combine(site.Output, "bedrijven", "geheim")));
        Assert.True(site.Build(drafts: true).Succeeded);
        Assert.True(File.Exists(Path.Combine(site.Output, "bedrijven", "geheim", "index.html")));
    }

    [Fact]
    public void Aliases_become_redirect_pages_to_the_canonical_address()
    {
        using var site = TestSite.Create(("content/bedrijven/testfabriek/index.md", Fixtures.Company(extra: "aliases:\n  - /oud/testfabriek/")));
        Assert.True(site.Build().Succeeded);
        var redirect = site.Html("oud/testfabriek/index.html");
        Assert.Equal("https://test.example.nl/bedrijven/testfabriek/", redirect.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("0; url=/bedrijven/testfabriek/", redirect.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
    }

    [Fact]
    public void A_site_layout_overrides_the_theme_template_of_the_same_name()
    {
        using var site = TestSite.Create(
            ("content/bedrijven/testfabriek/index.md", Fixtures.Company()),
            ("layouts/bedrijven/single.liquid", "<p id=\"eigen\">Eigen sjabloon voor {{ page.title }}</p>"));
        Assert.True(site.Build().Succeeded);
        var page = site.Html("bedrijven/testfabriek/index.html");
        Assert.Equal("Eigen sjabloon voor Testfabriek", page.QuerySelector("#eigen")!.TextContent);
        Assert.NotNull(page.QuerySelector("header.site-header")); // the theme's base layout still wraps it
    }

    [Fact]
    public void A_link_to_a_page_that_does_not_exist_fails_the_build_naming_file_and_line()
    {
        using var site = TestSite.Create(("content/over/index.md", "---\ntitle: \"Over\"\n---\nZie [het bedrijf](/bedrijven/bestaat-niet/).\n"));
        var result = site.Build();
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("content/over/index.md", error.File);
        Assert.Equal(4, error.Line);
        Assert.Equal("De link naar '/bedrijven/bestaat-niet/' op /over/ verwijst naar een pagina of bestand dat niet bestaat. " +
                     "Controleer het adres, zoals /bedrijven/naam-van-de-map/.", error.Message);
    }

    [Fact]
    public void Headings_in_content_get_unique_anchors()
    {
        using var site = TestSite.Create(("content/over/index.md", "---\ntitle: \"Over\"\n---\n## Wie wij zijn\n\n## Wie wij zijn\n\n### Één stap\n"));
        Assert.True(site.Build().Succeeded);
        var ids = site.Html("over/index.html").QuerySelectorAll(".prose h2, .prose h3").Select(h => h.Id).ToList();
        Assert.Equal(["wie-wij-zijn", "wie-wij-zijn-2", "een-stap"], ids);
    }
}
