using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

public sealed class GlossaryTests
{
    [Fact]
    public void A_glossary_word_links_to_its_explanation_where_it_first_appears()
    {
        using var site = TestSite.Create(("content/rugzak/productie/index.md", Fixtures.Topic(extra: """
            glossary:
              - term: "Prototype"
                explanation: "Het eerste proefmodel van een nieuw product."
            """).Replace("Kort en duidelijk.", "Eerst maak je een prototype. Dan test je het prototype.")));
        Assert.True(site.Build().Succeeded);

        var page = site.Html("rugzak/productie/index.html");
        var link = Assert.Single(page.QuerySelectorAll(".prose a.term"));
        Assert.Equal(("prototype", "#woord-prototype"), (link.TextContent, link.GetAttribute("href")));
        Assert.Equal("Prototype", page.QuerySelector("dfn#woord-prototype")!.TextContent);
        Assert.Equal("Eerst maak je een prototype. Dan test je het prototype.", page.QuerySelector(".prose p")!.TextContent);
    }
}
