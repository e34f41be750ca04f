using System.Text.Json.Nodes;
using System.Xml.Linq;
using AngleSharp.Dom;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Social;

/// <summary>Open Graph, X and Slack tags, JSON-LD per page type, sitemap, robots and feeds.</summary>
public sealed class ShareMetadataTests
{
    private const string Base = "https://test.example.nl";

    private const string FullCompany = """
        logo: logo.png
        website: https://www.testfabriek.nl/
        kvk: "12345678"
        employees: 50-249
        founded: 1987
        address:
          street: Industrieweg 1
          postcode: 5928 AB
          place: Venlo
        flats:
          - techniek
        aspects:
          - productie
        vacancies:
          - title: "Monteur"
            kind: vacature
            level: mbo
            url: https://www.testfabriek.nl/vacatures/monteur
            posted: 2026-11-01
            validThrough: 2026-12-31
          - title: "Stage techniek"
            kind: stage
            email: stage@testfabriek.nl
            posted: 2026-10-01
          - title: "Oude vacature"
            kind: vacature
            email: werk@testfabriek.nl
            posted: 2026-01-01
            validThrough: 2026-02-01
        links:
          linkedin: https://www.linkedin.com/company/testfabriek/
        member: true
        """;

    private static TestSite RichSite()
    {
        var site = TestSite.Create(
            ("content/flats/techniek/index.md", Fixtures.Flat()),
            ("content/projecten/proef/index.md", Fixtures.Project(extra: "initiators:\n  - testfabriek")),
            ("content/bedrijven/testfabriek/index.md", Fixtures.Company(extra: FullCompany)),
            ("content/rugzak/productie/index.md", Fixtures.Topic()),
            ("content/kennisbank/les/index.md", Fixtures.Lesson(extra: "  - title: \"Jaarverslag\"\n    publisher: \"Testfabriek\"\n    year: 2023\n    url: \"https://www.testfabriek.nl/jaarverslag\"\nupdated: 2026-11-01\nproject: proef\nauthors:\n  - name: \"Jan Jansen\"\n    organisation: \"Testfabriek\"")));
        site.WriteBytes("content/bedrijven/testfabriek/logo.png", TestImages.Png());
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return site;
    }

    private static string Meta(IDocument page, string property) =>
        (page.QuerySelector($"meta[property='{property}']") ?? page.QuerySelector($"meta[name='{property}']"))?.GetAttribute("content")
        ?? throw new Xunit.Sdk.XunitException($"{property} ontbreekt");

    private static List<JsonNode> JsonLd(IDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']")
            .SelectMany(s => JsonNode.Parse(s.TextContent)!["@graph"]!.AsArray())
            .Select(n => n!)
            .ToList();

    private static JsonNode OfType(List<JsonNode> items, string type) => items.Single(i => i["@type"]!.GetValue<string>() == type);

    [Fact]
    public void Every_page_carries_the_share_tags_with_absolute_urls()
    {
        using var site = RichSite();
        foreach (var file in Directory.GetFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var page = site.Html(Path.GetRelativePath(site.Output, file));
            if (page.QuerySelector("meta[http-equiv=refresh]") is not null) continue;
            if (page.QuerySelector("meta[name=robots][content=noindex]") is not null) continue; // the form editor, a tool
            var name = Path.GetRelativePath(site.Output, file);
            foreach (var tag in new[] { "og:title", "og:description", "og:type", "og:site_name", "twitter:card", "twitter:image:alt", "og:image:alt" })
                Assert.False(string.IsNullOrWhiteSpace(Meta(page, tag)), $"{name}: {tag}");
            foreach (var tag in new[] { "og:url", "og:image", "twitter:image" })
                Assert.StartsWith(Base + "/", Meta(page, tag));
            Assert.StartsWith(Base + "/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
            Assert.Equal("nl_NL", Meta(page, "og:locale"));
            Assert.Equal("summary_large_image", Meta(page, "twitter:card"));
            Assert.Equal(("1200", "630"), (Meta(page, "og:image:width"), Meta(page, "og:image:height")));
            Assert.Contains(JsonLd(page), i => i["@type"]!.GetValue<string>() == "BreadcrumbList");
        }

        var company = site.Html("bedrijven/testfabriek/index.html");
        Assert.Equal(Base + "/bedrijven/testfabriek/", Meta(company, "og:url"));
        Assert.Equal("Bedrijf: Testfabriek – Land van de Makers", Meta(company, "og:image:alt"));
        Assert.Equal(("Gemeente", "Venlo"), (Meta(company, "twitter:label1"), Meta(company, "twitter:data1")));
        Assert.Equal(("Sector", "Machinebouw"), (Meta(company, "twitter:label2"), Meta(company, "twitter:data2")));
        Assert.Equal("article", Meta(site.Html("kennisbank/les/index.html"), "og:type"));
    }

    [Fact]
    public void A_company_is_an_organization_and_each_active_vacancy_a_job_posting_on_a_page_of_its_own()
    {
        using var site = RichSite();
        var items = JsonLd(site.Html("bedrijven/testfabriek/index.html"));

        var organization = OfType(items, "Organization");
        Assert.Equal("Testfabriek", organization["name"]!.GetValue<string>());
        Assert.Equal("Industrieweg 1", organization["address"]!["streetAddress"]!.GetValue<string>());
        Assert.Equal("5928 AB", organization["address"]!["postalCode"]!.GetValue<string>());
        Assert.Equal("Venlo", organization["address"]!["addressLocality"]!.GetValue<string>());
        Assert.Equal((50, 249), (organization["numberOfEmployees"]!["minValue"]!.GetValue<int>(), organization["numberOfEmployees"]!["maxValue"]!.GetValue<int>()));
        Assert.Equal("0106:12345678", organization["iso6523Code"]!.GetValue<string>());
        // Named a member by its front matter; a company without 'member: true' claims no membership.
        Assert.Equal("Testsite", organization["memberOf"]!["name"]!.GetValue<string>());
        Assert.Equal(["https://www.testfabriek.nl/", "https://www.linkedin.com/company/testfabriek/"],
            organization["sameAs"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(Base + "/bedrijven/testfabriek/logo.png", organization["logo"]!.GetValue<string>());

        // Search engines read JobPosting on the page of one job only: never on the company page, which lists them.
        Assert.DoesNotContain(items, i => i["@type"]!.GetValue<string>() == "JobPosting");
        var company = site.Html("bedrijven/testfabriek/index.html");
        var pages = company.QuerySelectorAll("section[aria-labelledby=vacatures] h3 a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(["vacatures/monteur-2026-11-01/", "vacatures/stage-techniek-2026-10-01/"], pages);
        var jobs = pages.Select(href => OfType(JsonLd(site.Html($"bedrijven/testfabriek/{href}index.html")), "JobPosting")).ToList();
        Assert.Equal(["Monteur", "Stage techniek"], jobs.Select(j => j["title"]!.GetValue<string>()));
        Assert.Equal(Base + "/bedrijven/testfabriek/vacatures/monteur-2026-11-01/", jobs[0]["url"]!.GetValue<string>());
        Assert.Equal("Vacature op mbo-niveau bij Testfabriek in Venlo.", jobs[0]["description"]!.GetValue<string>());
        Assert.Equal("2026-11-01", jobs[0]["datePosted"]!.GetValue<string>());
        foreach (var job in jobs)
        {
            foreach (var key in new[] { "title", "description", "datePosted", "hiringOrganization", "jobLocation" }) Assert.NotNull(job[key]);
            Assert.Equal("Testfabriek", job["hiringOrganization"]!["name"]!.GetValue<string>());
            Assert.Equal("Venlo", job["jobLocation"]!["address"]!["addressLocality"]!.GetValue<string>());
        }
        Assert.Equal("2026-12-31", jobs[0]["validThrough"]!.GetValue<string>());
        Assert.Null(jobs[0]["employmentType"]);
        Assert.Equal("INTERN", jobs[1]["employmentType"]!.GetValue<string>());

        // An expired vacancy has no page (the host answers its address with the 404 page) and is not in the sitemap.
        Assert.False(Directory.Exists(Path.Combine(site.Output, "bedrijven", "testfabriek", "vacatures", "oude-vacature-2026-01-01")));
        var sitemap = File.ReadAllText(Path.Combine(site.Output, "sitemap.xml"));
        Assert.Contains($"<loc>{Base}/bedrijven/testfabriek/vacatures/monteur-2026-11-01/</loc>", sitemap);
        Assert.DoesNotContain("oude-vacature", sitemap);
        Assert.DoesNotContain("oude-vacature", File.ReadAllText(Path.Combine(site.Output, "vacatures", "index.html")));
    }

    [Fact]
    public void A_vacancys_page_says_what_where_with_whom_and_how_to_apply_and_is_shared_with_its_own_image()
    {
        using var site = RichSite();
        var page = site.Html("bedrijven/testfabriek/vacatures/monteur-2026-11-01/index.html");

        Assert.Equal("Monteur", page.QuerySelector("main h1")!.TextContent);
        Assert.Equal(["Home", "Bedrijven", "Testfabriek", "Monteur"], page.QuerySelectorAll("nav[aria-label] ol li").Select(li => li.TextContent.Trim().TrimStart('›').Trim()));
        Assert.NotNull(page.QuerySelector("main a[href='https://www.testfabriek.nl/vacatures/monteur']"));
        Assert.Contains("reageren tot en met 31 december 2026", page.QuerySelector("main")!.TextContent);
        Assert.Equal(Base + "/bedrijven/testfabriek/vacatures/monteur-2026-11-01/", Meta(page, "og:url"));
        Assert.Equal("Vacature: Monteur – Land van de Makers", Meta(page, "og:image:alt"));
        Assert.NotEqual(Meta(site.Html("bedrijven/testfabriek/index.html"), "og:image"), Meta(page, "og:image"));
        Assert.Contains("../bedrijven/testfabriek/vacatures/monteur-2026-11-01/", site.Html("vacatures/index.html").QuerySelectorAll("main h2 a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Articles_topics_flats_and_the_home_page_have_their_own_types()
    {
        using var site = RichSite();

        var article = OfType(JsonLd(site.Html("kennisbank/les/index.html")), "Article");
        Assert.Equal("Een les", article["headline"]!.GetValue<string>());
        // 'date' is when the facts were true: coverage, not publication; 'updated' is the last edit.
        Assert.Null(article["datePublished"]);
        Assert.Equal("2024-03-01", article["temporalCoverage"]!.GetValue<string>());
        Assert.Equal("2026-11-01", article["dateModified"]!.GetValue<string>());
        Assert.Equal(
            """[{"@type":"CreativeWork","name":"Een verslag"},{"@type":"CreativeWork","name":"Jaarverslag","publisher":{"@type":"Organization","name":"Testfabriek"},"datePublished":"2023","url":"https://www.testfabriek.nl/jaarverslag"}]""",
            article["isBasedOn"]!.ToJsonString());
        Assert.Equal("Testproject", article["about"]!["name"]!.GetValue<string>());
        Assert.Equal("Jan Jansen", article["author"]![0]!["name"]!.GetValue<string>());

        var topic = OfType(JsonLd(site.Html("rugzak/productie/index.html")), "LearningResource");
        Assert.Equal("10-16", topic["typicalAgeRange"]!.GetValue<string>());
        Assert.Equal("nl", topic["inLanguage"]!.GetValue<string>());
        Assert.Equal(["voortgezet onderwijs"], topic["educationalLevel"]!.AsArray().Select(n => n!.GetValue<string>()));

        var flat = OfType(JsonLd(site.Html("flats/techniek/index.html")), "CollectionPage");
        Assert.Equal("ItemList", flat["mainEntity"]!["@type"]!.GetValue<string>());
        Assert.Equal(Base + "/projecten/proef/", flat["mainEntity"]!["itemListElement"]![0]!["url"]!.GetValue<string>());

        var home = JsonLd(site.Html("index.html"));
        Assert.Equal(Base + "/zoeken/?q={search_term_string}", OfType(home, "WebSite")["potentialAction"]!["target"]!.GetValue<string>());
        Assert.Equal("Testsite", OfType(home, "Organization")["name"]!.GetValue<string>());

        var crumbs = OfType(JsonLd(site.Html("bedrijven/testfabriek/index.html")), "BreadcrumbList")["itemListElement"]!.AsArray();
        Assert.Equal([Base + "/", Base + "/bedrijven/", Base + "/bedrijven/testfabriek/"], crumbs.Select(c => c!["item"]!.GetValue<string>()));
    }

    [Fact]
    public void Sitemap_robots_and_feeds_are_there_for_crawlers_and_readers()
    {
        using var site = RichSite();
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace atom = "http://www.w3.org/2005/Atom";

        var sitemap = XDocument.Load(Path.Combine(site.Output, "sitemap.xml"));
        var urls = sitemap.Root!.Elements(sm + "url").ToDictionary(u => u.Element(sm + "loc")!.Value, u => u.Element(sm + "lastmod")?.Value);
        // An article's lastmod is its last edit ('updated'), never the date of its facts.
        Assert.Equal("2026-11-01", urls[Base + "/kennisbank/les/"]);
        Assert.Contains(Base + "/bedrijven/testfabriek/", urls.Keys);
        Assert.DoesNotContain(Base + "/404.html", urls.Keys);

        Assert.Equal($"User-agent: *\nAllow: /\nDisallow: /beheer/\n\nSitemap: {Base}/sitemap.xml\n", File.ReadAllText(Path.Combine(site.Output, "robots.txt")));

        var lessons = XDocument.Load(Path.Combine(site.Output, "kennisbank", "feed.xml"));
        Assert.Equal(["Een les"], lessons.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value));
        Assert.Equal("2026-11-01T00:00:00Z", lessons.Root!.Element(atom + "entry")!.Element(atom + "updated")!.Value);
        var vacancies = XDocument.Load(Path.Combine(site.Output, "vacatures", "feed.xml"));
        Assert.Equal(["Monteur bij Testfabriek", "Stage techniek bij Testfabriek"],
            vacancies.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value));
        Assert.Equal("2026-11-01T00:00:00Z", vacancies.Root!.Element(atom + "updated")!.Value);
    }
}
