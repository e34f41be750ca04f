using MakersSite.Content.Assembly;
using MakersSite.Content.Model;
using MakersSite.Content.Schema;
using MakersSite.Output;
using MakersSite.Search;

namespace MakersSite.Build;

/// <summary>The text search takes from a finished page.</summary>
public sealed record SearchText(string Title, string Summary, string Body)
{
    /// <summary>The sections the body's headings start.</summary>
    public IReadOnlyList<SearchSection> Sections { get; init; } = [];

    public bool Equals(SearchText? other) =>
        other is not null && Title == other.Title && Summary == other.Summary && Body == other.Body && Sections.SequenceEqual(other.Sections);

    public override int GetHashCode() => HashCode.Combine(Title, Summary, Body, Sections.Count);
}

/// <summary>Turns finished pages into search documents: text from the HTML, facets from the content model.</summary>
public sealed class SearchDocuments(SiteGraph graph)
{
    private static readonly IReadOnlyDictionary<PageKind, FacetValue> Types = new Dictionary<PageKind, FacetValue>
    {
        [PageKind.Company] = new("type", "bedrijf", "Bedrijf"),
        [PageKind.Project] = new("type", "project", "Project"),
        [PageKind.Lesson] = new("type", "kennisbank", "Kennisbank"),
        [PageKind.Topic] = new("type", "rugzak", "Regio in je Rugzak"),
        [PageKind.Flat] = new("type", "flat", "Flat"),
        [PageKind.Plain] = new("type", "pagina", "Pagina"),
        // The home page only repeats the other pages' summaries: listing it would crowd every result list.
    };

    /// <summary>Whether search lists pages of this kind (not lists, redirects or the 404 page).</summary>
    public static bool Lists(Page page) => Types.ContainsKey(page.Kind);

    private static readonly FacetValue VacancyType = new("type", "vacature", "Vacature of stage");

    /// <summary>
    /// A company's open vacancies and internships, each a result of its own that links to it on the company page:
    /// what it is, at which level, where and with whom, so "stage venlo" or "mbo lassen" finds it.
    /// </summary>
    public IEnumerable<SearchDocument> Vacancies(Page company)
    {
        if (company.Kind != PageKind.Company) yield break;
        var place = company.Fields.GetValueOrDefault("place") as string ?? "";
        var municipality = Facets(company).Where(f => f.Facet == "municipality").ToList();
        foreach (var vacancy in graph.ActiveVacancies(company))
        {
            var kind = (string)vacancy["kind"]!;
            var kindName = ContentSchemas.VacancyKindNames.GetValueOrDefault(kind, kind);
            var level = vacancy.GetValueOrDefault("level") as string;
            var summary = $"{kindName}{(level is null ? "" : $" op {level}-niveau")} bij {company.Title} in {place}.";
            FacetValue[] facets = [new("kind", kind, kindName), .. level is null ? [] : new[] { new FacetValue("level", level, level) }, .. municipality];
            yield return new SearchDocument(Freshness.VacancyUrl(company, vacancy), (string)vacancy["title"]!, summary, summary, VacancyType, facets);
        }
    }

    /// <summary>The document for a page's text: the text plus the facets the content model gives the page.</summary>
    public SearchDocument Document(Page page, SearchText text) =>
        new(page.Url, text.Title, text.Summary, text.Body, TypeOf(page), FacetsOf(page)) { Sections = text.Sections };

    public FacetValue TypeOf(Page page) => Types[page.Kind];

    /// <summary>The facet values the content model gives the page, as its document has them.</summary>
    public IReadOnlyList<FacetValue> FacetsOf(Page page) => Facets(page).Distinct().ToList();

    private IEnumerable<FacetValue> Facets(Page page)
    {
        foreach (var taxonomy in SiteGraph.Taxonomies)
        {
            var facet = taxonomy.Name; // sector, municipality, aspect: the same names as the search facets
            foreach (var slug in SiteGraph.TermSlugs(page, taxonomy.Name).OfType<string>())
            {
                var term = graph.Content.Vocabularies.GetValueOrDefault(taxonomy.Vocabulary)?.Terms.FirstOrDefault(t => t.Slug == slug);
                if (term is not null) yield return new FacetValue(facet, term.Slug, term.Name);
            }
        }
        foreach (var flat in FlatsOf(page)) yield return new FacetValue("flat", flat.Slug, flat.Title);
    }

    /// <summary>The flats a page belongs to: named directly, or through the projects it names.</summary>
    private IEnumerable<Page> FlatsOf(Page page)
    {
        if (page.Kind == PageKind.Flat)
        {
            yield return page;
            yield break;
        }
        var refs = page.References.Where(r => r.Section == ContentSchemas.Flats).Select(r => r.Slug)
            .Concat(page.References.Where(r => r.Section == ContentSchemas.Projects)
                .Select(r => graph.Find(ContentSchemas.Projects, r.Slug))
                .OfType<Page>()
                .SelectMany(p => p.References.Where(r => r.Section == ContentSchemas.Flats && r.Field == "flat").Select(r => r.Slug)));
        foreach (var slug in refs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (graph.Find(ContentSchemas.Flats, slug) is { } flat) yield return flat;
        }
    }
}
