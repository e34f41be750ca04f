using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

/// <summary>Content is untrusted: nothing a member writes may execute in a visitor's browser.</summary>
public sealed class HostileContentTests
{
    private const string Hostile = """
        Gewone tekst.

        <script>alert('body')</script>

        <img src="x" onerror="alert('img')">

        <a href="https://example.org" onclick="alert('klik')">link</a>

        [titel](https://example.org "\" onmouseover=\"alert(1)")

        {onclick="alert('attr')"}
        """;

    [Fact]
    public void A_hostile_profile_builds_into_a_page_that_executes_nothing()
    {
        using var site = TestSite.Create(("content/bedrijven/boef/index.md",
            Fixtures.Company(title: "<script>alert('titel')</script>\\\" onload=\\\"x", body: Hostile)
                .Replace("place: \"Venlo\"", "place: \"<img src=x onerror=alert(1)>\"")));
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var page = site.Html("bedrijven/boef/index.html");
        // The only executable script is the theme's own; the JSON-LD block is data, and the title in it stays data.
        var executable = page.QuerySelectorAll("script").Where(s => s.GetAttribute("type") != "application/ld+json");
        Assert.Equal(["../../js/site.js", "../../js/rugzak.js"], executable.Select(s => s.GetAttribute("src")));
        var jsonLd = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        var organization = System.Text.Json.Nodes.JsonNode.Parse(jsonLd.TextContent)!["@graph"]![0]!;
        Assert.Equal(page.QuerySelector("h1")!.TextContent, organization["name"]!.GetValue<string>());
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        // The place's <img> is text: the only images are the theme's own (its QR code of the page, its icons).
        Assert.All(page.QuerySelectorAll("main img"), img => Assert.Matches(@"^(\.\./)+(qr/boef\.svg|img/icons/[a-z-]+\.svg)$", img.GetAttribute("src")));
        // Escaped, so the visitor reads the text instead of running it.
        Assert.Contains("<script>alert('titel')</script>", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("<script>alert('body')</script>", page.QuerySelector(".prose")!.TextContent);
    }

    [Theory]
    [InlineData("[klik](javascript:alert(1))", "javascript")]
    [InlineData("[klik](JaVaScRiPt:alert(1))", "javascript")]
    [InlineData("![plaatje](data:image/svg+xml;base64,PHN2Zz4=)", "data")]
    [InlineData("<javascript:alert(1)>", "javascript")]
    public void Dangerous_links_in_the_body_are_errors_with_their_line(string link, string scheme)
    {
        using var site = TestSite.Create(("content/bedrijven/boef/index.md", Fixtures.Company(body: "Intro.\n\n" + link)));
        var result = site.Build();
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("content/bedrijven/boef/index.md", error.File);
        Assert.Equal(12, error.Line);
        Assert.Equal($"Deze link gebruikt een {scheme}:-adres. Dat is niet toegestaan omdat het code kan uitvoeren; gebruik een https://-adres.", error.Message);
        Assert.False(Directory.Exists(site.Output));
    }
}
