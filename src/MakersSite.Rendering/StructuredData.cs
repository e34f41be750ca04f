using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MakersSite.Content.Assembly;
using MakersSite.Content.Model;
using MakersSite.Content.Schema;
using MakersSite.Content.Text;

namespace MakersSite.Rendering;

/// <summary>
/// schema.org JSON-LD for each page: Organization and JobPosting for companies, Article for kennisbank articles,
/// LearningResource for Rugzak topics, CollectionPage for flats, WebSite and the network's Organization on the
/// home page, and a BreadcrumbList everywhere. Only facts from the content; absent fields stay absent.
/// </summary>
public sealed class StructuredData(SiteGraph graph)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // The default encoder escapes '<' and '&', so "</script>" in content cannot end the script element.
        Encoder = JavaScriptEncoder.Default,
        WriteIndented = false,
    };

    private string Base => graph.Content.Site.BaseUrlWithoutSlash;
    private string Absolute(string url) => Base + url;

    public string ForPage(Page page, IReadOnlyList<(string Title, string? Url)> breadcrumbs, string imageUrl)
    {
        var graphItems = new JsonArray();
        switch (page.Kind)
        {
            case PageKind.Home:
                Add(graphItems, WebSite());
                Add(graphItems, Network());
                break;
            case PageKind.Company:
                Add(graphItems, Company(page, imageUrl));
                break;
            case PageKind.Lesson:
                Add(graphItems, Article(page, imageUrl));
                break;
            case PageKind.Topic:
                Add(graphItems, LearningResource(page, imageUrl));
                break;
            case PageKind.Flat:
                Add(graphItems, Collection(page));
                break;
        }
        Add(graphItems, Breadcrumbs(breadcrumbs, page.Url));
        return Serialize(graphItems);
    }

    /// <summary>The page of one vacancy: its JobPosting, which search engines read on such a page only.</summary>
    public string ForVacancy(Page company, IReadOnlyDictionary<string, object?> vacancy, string url, IReadOnlyList<(string Title, string? Url)> breadcrumbs) =>
        Serialize(new JsonArray(JobPosting(company, vacancy, url), Breadcrumbs(breadcrumbs, url)));

    public string ForListing(string url, IReadOnlyList<(string Title, string? Url)> breadcrumbs) =>
        Serialize(new JsonArray(Breadcrumbs(breadcrumbs, url)));

    /// <summary>Adds a node as a node: JsonArray's generic Add would serialise the value through reflection.</summary>
    private static void Add(JsonArray array, JsonNode? node) => array.Add(node);

    private static string Serialize(JsonArray items) =>
        new JsonObject { ["@context"] = "https://schema.org", ["@graph"] = items }.ToJsonString(Options);

    private JsonObject Network() => new()
    {
        ["@type"] = "Organization",
        ["@id"] = Base + "/#organisatie",
        ["name"] = graph.Content.Site.Title,
        ["url"] = Base + "/",
        ["logo"] = Base + "/img/vlag.svg",
        ["description"] = graph.Content.Site.Description,
    };

    private JsonObject WebSite() => new()
    {
        ["@type"] = "WebSite",
        ["name"] = graph.Content.Site.Title,
        ["url"] = Base + "/",
        ["inLanguage"] = "nl",
        ["publisher"] = new JsonObject { ["@id"] = Base + "/#organisatie" },
        ["potentialAction"] = new JsonObject
        {
            ["@type"] = "SearchAction",
            ["target"] = Base + "/zoeken/?q={search_term_string}",
            ["query-input"] = "required name=search_term_string",
        },
    };

    private JsonObject Company(Page page, string imageUrl)
    {
        var f = page.Fields;
        var organization = new JsonObject
        {
            ["@type"] = "Organization",
            ["@id"] = Absolute(page.Url) + "#organisatie",
            ["name"] = page.Title,
            ["description"] = page.Summary,
            ["url"] = Absolute(page.Url),
            ["image"] = Absolute(imageUrl),
        };
        if (f.GetValueOrDefault("logo") is string logo) organization["logo"] = Absolute(page.Url + logo);
        var address = new JsonObject { ["@type"] = "PostalAddress" };
        if (f.GetValueOrDefault("address") is IReadOnlyDictionary<string, object?> a)
        {
            if (a.GetValueOrDefault("street") is string street) address["streetAddress"] = street;
            if (a.GetValueOrDefault("postcode") is string postcode) address["postalCode"] = postcode;
        }
        address["addressLocality"] = (f.GetValueOrDefault("address") as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("place") as string
                                     ?? f.GetValueOrDefault("place") as string;
        address["addressRegion"] = "Limburg";
        address["addressCountry"] = "NL";
        organization["address"] = address;
        if (f.GetValueOrDefault("employees") is string band) organization["numberOfEmployees"] = Employees(band);
        if (f.GetValueOrDefault("kvk") is string kvk) organization["iso6523Code"] = "0106:" + kvk;
        if (f.GetValueOrDefault("founded") is long founded) organization["foundingDate"] = founded.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Only a company the content names as a member: supporting the network's programme is not membership.
        if (f.GetValueOrDefault("member") is true)
            organization["memberOf"] = new JsonObject { ["@type"] = "Organization", ["@id"] = Base + "/#organisatie", ["name"] = graph.Content.Site.Title, ["url"] = Base + "/" };
        var sameAs = new JsonArray();
        if (f.GetValueOrDefault("website") is string website) Add(sameAs, JsonValue.Create(website));
        if (f.GetValueOrDefault("links") is IReadOnlyDictionary<string, object?> links)
        {
            foreach (var key in new[] { "linkedin", "werkenbij" })
                if (links.GetValueOrDefault(key) is string link) Add(sameAs, JsonValue.Create(link));
        }
        if (sameAs.Count > 0) organization["sameAs"] = sameAs;
        return organization;
    }

    /// <summary>The employee band as schema.org wants it: a QuantitativeValue with a minimum and, except for 250+, a maximum.</summary>
    public static JsonObject Employees(string band)
    {
        var value = new JsonObject { ["@type"] = "QuantitativeValue" };
        var parts = band.TrimEnd('+').Split('-');
        value["minValue"] = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        if (parts.Length == 2) value["maxValue"] = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return value;
    }

    private JsonObject JobPosting(Page company, IReadOnlyDictionary<string, object?> vacancy, string pageUrl)
    {
        var kind = vacancy["kind"] as string ?? "";
        var place = company.Fields.GetValueOrDefault("place") as string;
        var level = vacancy.GetValueOrDefault("level") is string l ? $" op {l}-niveau" : "";
        var job = new JsonObject
        {
            ["@type"] = "JobPosting",
            ["title"] = vacancy["title"] as string,
            ["description"] = $"{ContentSchemas.VacancyKindNames.GetValueOrDefault(kind, kind)}{level} bij {company.Title} in {place}.",
            ["datePosted"] = DutchDates.Iso((DateOnly)vacancy["posted"]!),
        };
        if (vacancy.GetValueOrDefault("validThrough") is DateOnly until) job["validThrough"] = DutchDates.Iso(until);
        // Internships are INTERN; for other kinds the content does not say full- or part-time, so it is left out.
        if (kind is "stage" or "snuffelstage" or "afstudeeropdracht") job["employmentType"] = "INTERN";
        job["hiringOrganization"] = new JsonObject { ["@type"] = "Organization", ["@id"] = Absolute(company.Url) + "#organisatie", ["name"] = company.Title, ["sameAs"] = Absolute(company.Url) };
        job["jobLocation"] = new JsonObject
        {
            ["@type"] = "Place",
            ["address"] = new JsonObject { ["@type"] = "PostalAddress", ["addressLocality"] = place, ["addressRegion"] = "Limburg", ["addressCountry"] = "NL" },
        };
        // The page of this one job, which says how to apply.
        job["url"] = Absolute(pageUrl);
        return job;
    }

    private JsonObject Article(Page page, string imageUrl)
    {
        var f = page.Fields;
        var article = new JsonObject
        {
            ["@type"] = "Article",
            ["headline"] = page.Title,
            ["description"] = page.Summary,
            ["url"] = Absolute(page.Url),
            ["image"] = Absolute(imageUrl),
            ["inLanguage"] = "nl",
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["@id"] = Base + "/#organisatie", ["name"] = graph.Content.Site.Title },
        };
        // 'date' is when the facts were true, not when the article appeared; the day it was written is not known.
        if (ShareCards.FactPeriod(page) is { } period) article["temporalCoverage"] = period.Iso;
        if (f.GetValueOrDefault("updated") is DateOnly updated) article["dateModified"] = DutchDates.Iso(updated);
        if (BasedOn(page) is { } sources) article["isBasedOn"] = sources;
        if (f.GetValueOrDefault("authors") is IEnumerable<object?> authors)
        {
            article["author"] = new JsonArray(authors.OfType<IReadOnlyDictionary<string, object?>>().Select(a =>
            {
                var person = new JsonObject { ["@type"] = "Person", ["name"] = a["name"] as string };
                if (a.GetValueOrDefault("organisation") is string org) person["affiliation"] = new JsonObject { ["@type"] = "Organization", ["name"] = org };
                return (JsonNode)person;
            }).ToArray());
        }
        if (f.GetValueOrDefault("project") is string slug && graph.Find(ContentSchemas.Projects, slug) is { } project)
            article["about"] = new JsonObject { ["@type"] = "Project", ["name"] = project.Title, ["url"] = Absolute(project.Url) };
        return article;
    }

    private JsonObject LearningResource(Page page, string imageUrl)
    {
        var levels = (page.Fields.GetValueOrDefault("audience") as IEnumerable<object?>)?.OfType<string>()
            .Select(a => a == "po" ? "primair onderwijs" : "voortgezet onderwijs").ToArray() ?? [];
        var resource = new JsonObject
        {
            ["@type"] = "LearningResource",
            ["name"] = page.Title,
            ["description"] = page.Summary,
            ["url"] = Absolute(page.Url),
            ["image"] = Absolute(imageUrl),
            ["inLanguage"] = "nl",
            ["typicalAgeRange"] = "10-16",
            ["educationalLevel"] = new JsonArray(levels.Select(l => (JsonNode)JsonValue.Create(l)!).ToArray()),
            ["learningResourceType"] = "lesmateriaal",
        };
        if (BasedOn(page) is { } sources) resource["isBasedOn"] = sources;
        var aspect = SiteGraph.TermSlugs(page, "aspect").FirstOrDefault();
        var term = graph.Content.Vocabularies.GetValueOrDefault(ContentSchemas.AspectsVocabulary)?.Terms.FirstOrDefault(t => t.Slug == aspect);
        if (term is not null) resource["about"] = new JsonObject { ["@type"] = "Thing", ["name"] = term.Name, ["description"] = term.Description };
        return resource;
    }

    private JsonObject Collection(Page flat)
    {
        var projects = graph.Related(flat, ContentSchemas.Projects);
        return new JsonObject
        {
            ["@type"] = "CollectionPage",
            ["name"] = flat.Title,
            ["description"] = flat.Summary,
            ["url"] = Absolute(flat.Url),
            ["mainEntity"] = new JsonObject
            {
                ["@type"] = "ItemList",
                ["numberOfItems"] = projects.Count,
                ["itemListElement"] = new JsonArray(projects.Select((p, i) => (JsonNode)new JsonObject
                {
                    ["@type"] = "ListItem", ["position"] = i + 1, ["name"] = p.Title, ["url"] = Absolute(p.Url),
                }).ToArray()),
            },
        };
    }

    /// <summary>The page's sources as schema.org CreativeWorks, with only what the content gives of each.</summary>
    private static JsonArray? BasedOn(Page page)
    {
        if (page.Fields.GetValueOrDefault("sources") is not IEnumerable<object?> given) return null;
        var works = new JsonArray();
        foreach (var source in given.OfType<IReadOnlyDictionary<string, object?>>())
        {
            var work = new JsonObject { ["@type"] = "CreativeWork", ["name"] = source["title"] as string };
            if (source.GetValueOrDefault("publisher") is string publisher) work["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = publisher };
            if (source.GetValueOrDefault("year") is long year) work["datePublished"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (source.GetValueOrDefault("url") is string url) work["url"] = url;
            Add(works, work);
        }
        return works.Count > 0 ? works : null;
    }

    private JsonObject Breadcrumbs(IReadOnlyList<(string Title, string? Url)> crumbs, string currentUrl) => new()
    {
        ["@type"] = "BreadcrumbList",
        ["itemListElement"] = new JsonArray(crumbs.Select((c, i) => (JsonNode)new JsonObject
        {
            ["@type"] = "ListItem", ["position"] = i + 1, ["name"] = c.Title, ["item"] = Absolute(c.Url ?? currentUrl),
        }).ToArray()),
    };
}
