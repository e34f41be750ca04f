using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Brand;

/// <summary>Issue 27's pages as built: the home hero and its ways in, the Rugzak path in making order, company showcases.</summary>
public sealed class PagesTests
{
    private static readonly string[] MakingOrder =
        ["Ontwerpen", "Onderzoek", "Ontwikkeling", "Engineering", "Productie", "Logistiek", "Verkoop", "Marketing", "Internationale samenwerking"];

    [Fact]
    public void The_rugzak_path_goes_the_way_a_product_is_made_in_words_a_pupil_knows()
    {
        using var site = TestSite.FromDefaultContent();
        Assert.True(site.Build().Succeeded);
        var list = site.Html("rugzak/index.html");

        var steps = list.QuerySelectorAll(".path-step").ToList();
        Assert.Equal(MakingOrder, steps.Select(s => s.GetAttribute("data-step-name")));
        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"Stap {i}"), steps.Select(s => s.QuerySelector(".step-label")!.TextContent));
        Assert.All(steps, s => Assert.StartsWith("/img/icons/", new Uri(new Uri("https://x/rugzak/"), s.QuerySelector(".icon img")!.GetAttribute("src")).AbsolutePath));

        // A topic says where on the path it is, not "Aspect: …", and leads on to the next step.
        var topic = site.Html("rugzak/productie/index.html");
        Assert.DoesNotContain("Aspect", topic.QuerySelector("main")!.TextContent);
        Assert.Equal("Stap 5 van 9: Productie", topic.QuerySelector(".topic-head .eyebrow")!.TextContent.Trim());
        Assert.Equal("Volgende stap: Logistiek", topic.QuerySelector("a.button[href$='logistiek/']")!.TextContent);
        Assert.Null(site.Html("rugzak/internationale-samenwerking/index.html").QuerySelector("a.button[href*='rugzak/']"));
    }

    [Fact]
    public void A_topic_shows_its_companies_with_a_pupils_line_or_none_never_the_adults_summary()
    {
        using var site = TestSite.FromDefaultContent();
        Assert.True(site.Build().Succeeded);
        var topic = site.Html("rugzak/productie/index.html");

        var cards = topic.QuerySelectorAll("#waar ~ ul .card").ToList();
        Assert.NotEmpty(cards);
        var helian = cards.Single(c => c.QuerySelector("h3")!.TextContent == "Helian Polymers");
        Assert.Equal("Maakt het materiaal waarmee 3D-printers nieuwe dingen printen.", helian.QuerySelector(".pupil-line")!.TextContent);
        Assert.All(cards, c => Assert.DoesNotContain("ontwikkelt en produceert", c.TextContent));
        // On the company list the same card keeps the company's own summary.
        var listed = site.Html("bedrijven/index.html").QuerySelectorAll(".card").Single(c => c.QuerySelector("h2")!.TextContent == "Helian Polymers");
        Assert.Null(listed.QuerySelector(".pupil-line"));
        Assert.Contains("ontwikkelt en produceert nieuwe materialen", listed.TextContent);
    }

    [Fact]
    public void The_home_hero_says_what_the_region_makes_and_leads_to_jobs_companies_and_the_rugzak()
    {
        using var site = TestSite.FromDefaultContentForSearch();
        Assert.True(site.Build().Succeeded);
        var home = site.Html("index.html");

        Assert.Equal("Van kunststof tot machines: dit maakt Noord-Limburg", home.QuerySelector("h1")!.TextContent);
        Assert.Equal(["bijna 300", "€ 7,63 miljard", "een derde"], home.QuerySelectorAll(".figures strong").Select(s => s.TextContent));
        Assert.Equal(["vacatures/", "bedrijven/", "rugzak/"], home.QuerySelectorAll(".hero .actions a").Select(a => a.GetAttribute("href")));
        // Open vacancies, newest first, each linking to its own page; the list says how many there are in all.
        var vacancies = home.QuerySelectorAll("#home-vacatures ~ ul .card h3 a").ToList();
        Assert.Equal(3, vacancies.Count);
        Assert.All(vacancies, a => Assert.Matches("bedrijven/[a-z-]+/vacatures/[a-z0-9-]+/$", a.GetAttribute("href")));
        Assert.Equal("Alle 5 plekken bij de maakbedrijven", home.QuerySelector("#home-vacatures ~ .more a")!.TextContent);
        // The path's nine steps, each a link to its topic with its icon.
        Assert.Equal(MakingOrder, home.QuerySelectorAll(".topic-strip a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void Without_open_vacancies_the_home_page_says_what_to_do_instead()
    {
        using var site = TestSite.FromDefaultContent();
        Assert.True(site.Build().Succeeded);
        var empty = site.Html("index.html").QuerySelector("#home-vacatures ~ .empty")!;
        Assert.StartsWith("Op dit moment staan er geen vacatures of stages open.", empty.TextContent);
        Assert.EndsWith("bedrijven/", empty.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void A_showcase_has_a_monogram_without_a_logo_its_openings_up_front_and_a_qr_code_of_its_address()
    {
        using var site = TestSite.FromDefaultContentForSearch();
        Assert.True(site.Build().Succeeded);
        var page = site.Html("bedrijven/proef-metaalbewerking/index.html");

        Assert.Equal("PM", page.QuerySelector(".showcase-head .monogram")!.TextContent);
        Assert.Equal("true", page.QuerySelector(".showcase-head .monogram")!.GetAttribute("aria-hidden"));
        var jobs = page.QuerySelector(".showcase-jobs a")!;
        Assert.Equal("#vacatures", jobs.GetAttribute("href"));
        Assert.Matches("^[0-9]+ open plekken: bekijk ze$", jobs.TextContent);
        Assert.Equal("../../qr/proef-metaalbewerking.svg", page.QuerySelector(".qr img")!.GetAttribute("src"));
        var qr = File.ReadAllText(Path.Combine(site.Output, "qr", "proef-metaalbewerking.svg"));
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", qr);
        Assert.Equal(qr, MakersSite.Images.QrCode.Svg("https://www.landvandemakers.nl/bedrijven/proef-metaalbewerking/"));

        // A company without openings points to the openings of the others.
        var quiet = site.Html("bedrijven/blue-engineering/index.html");
        Assert.Null(quiet.QuerySelector(".showcase-jobs"));
        Assert.StartsWith("Er staan nu geen vacatures of stages van Blue Engineering op deze site.", quiet.QuerySelector(".empty")!.TextContent);
    }
}
