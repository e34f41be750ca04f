using MakersSite.Content.Model;
using MakersSite.Content.Schema;

namespace MakersSite.Content.Assembly;

/// <summary>A taxonomy generated from a vocabulary: its term pages live under /{Path}/{term}/.</summary>
public sealed record Taxonomy(string Name, string Path, string Title, string Vocabulary, string Singular);

/// <summary>One term of a taxonomy and the published pages that carry it.</summary>
public sealed record TaxonomyTerm(Taxonomy Taxonomy, Term Term, IReadOnlyList<Page> Pages)
{
    public string Url => $"/{Taxonomy.Path}/{Term.Slug}/";
}

/// <summary>
/// The assemble phase's result: published pages, sections, taxonomies and the relations between pages.
/// Relations are symmetric: a company naming a project makes the company show up on that project, and back.
/// </summary>
public sealed class SiteGraph
{
    public static readonly IReadOnlyList<Taxonomy> Taxonomies =
    [
        new("sector", "sectoren", "Sectoren", ContentSchemas.SectorsVocabulary, "Sector"),
        new("municipality", "gemeenten", "Gemeenten", ContentSchemas.MunicipalitiesVocabulary, "Gemeente"),
        new("aspect", "aspecten", "Aspecten van de maakindustrie", ContentSchemas.AspectsVocabulary, "Aspect"),
    ];

    public static readonly IReadOnlyDictionary<string, string> SectionTitles = new Dictionary<string, string>
    {
        [ContentSchemas.Companies] = "Bedrijven",
        [ContentSchemas.Projects] = "Projecten",
        [ContentSchemas.Lessons] = "Kennisbank",
        [ContentSchemas.Topics] = "Regio in je Rugzak",
        [ContentSchemas.Flats] = "Flats",
    };

    public LoadedContent Content { get; }
    /// <summary>The build's date: vacancies past their validThrough are left out.</summary>
    public DateOnly Today { get; }
    public IReadOnlyList<Page> Pages { get; }
    public IReadOnlyDictionary<string, Page> SectionIntros { get; }
    public IReadOnlyList<TaxonomyTerm> Terms { get; }

    private readonly Dictionary<(string Section, string Slug), Page> _bySlug;
    private readonly Dictionary<Page, SortedSet<Page>> _related;
    // Each section's pages in reading order, sorted once: lists, the home page, feeds and the sitemap all ask.
    private readonly Dictionary<string, List<Page>> _sections;
    private readonly PageOrder _order;

    public SiteGraph(LoadedContent content, bool includeDrafts, DateOnly today)
    {
        Content = content;
        Today = today;
        var published = content.Pages.Where(p => includeDrafts || !p.Draft).ToList();
        Pages = published.Where(p => p.Kind != PageKind.SectionList).OrderBy(p => p.Url, StringComparer.Ordinal).ToList();
        SectionIntros = published.Where(p => p.Kind == PageKind.SectionList).ToDictionary(p => p.Section!, StringComparer.Ordinal);
        _bySlug = Pages.Where(p => p.Section is not null).ToDictionary(p => (p.Section!, p.Slug));

        // The whole site sorted once into reading order: every list of a section or term is a part of it, in the
        // same order, without sorting again (PageOrder ends with the URL, so no two pages tie). The sort keys are
        // taken once per page, and related pages are kept sorted by their place in it: comparing two places is
        // cheaper than comparing two pages' weights and titles, which on a big site took most of this phase.
        _order = new PageOrder(content);
        var readingOrder = Pages.OrderBy(_order.Key).ThenBy(p => p.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Url, StringComparer.Ordinal).ToList();
        var place = new Dictionary<Page, int>(readingOrder.Count, ReferenceEqualityComparer.Instance);
        foreach (var page in readingOrder) place[page] = place.Count;
        var byPlace = Comparer<Page>.Create((x, y) => place[x].CompareTo(place[y]));
        _sections = readingOrder.Where(p => p.Section is not null).GroupBy(p => p.Section!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        _related = Pages.ToDictionary(p => p, _ => new SortedSet<Page>(byPlace));
        foreach (var page in Pages)
        {
            foreach (var reference in page.References)
            {
                if (!_bySlug.TryGetValue((reference.Section, reference.Slug), out var target) || target == page) continue;
                _related[page].Add(target);
                _related[target].Add(page);
            }
        }
        // A kennisbank article about a project also belongs with that project's flat and the companies in it,
        // so an article shows the companies involved and a flat lists the lessons of its projects.
        foreach (var lesson in Pages.Where(p => p.Kind == PageKind.Lesson))
        {
            if (lesson.Fields.GetValueOrDefault("project") is not string slug || Find(ContentSchemas.Projects, slug) is not { } project) continue;
            foreach (var other in _related[project].Where(p => p.Kind is PageKind.Flat or PageKind.Company).ToList())
            {
                _related[lesson].Add(other);
                _related[other].Add(lesson);
            }
        }
        // A company listing an aspect belongs on the Rugzak topics about that aspect, and they on it.
        var companiesByAspect = Pages.Where(p => p.Kind == PageKind.Company)
            .SelectMany(p => TermSlugs(p, "aspect").Distinct().Select(aspect => (Aspect: aspect ?? "", Company: p)))
            .ToLookup(x => x.Aspect, x => x.Company, StringComparer.Ordinal);
        foreach (var topic in Pages.Where(p => p.Kind == PageKind.Topic))
        {
            if (topic.Fields.GetValueOrDefault("aspect") is not string aspect) continue;
            foreach (var company in companiesByAspect[aspect])
            {
                _related[topic].Add(company);
                _related[company].Add(topic);
            }
        }

        // Each page's terms once, rather than every page asked again for each of a vocabulary's terms.
        var carrying = new Dictionary<(string Taxonomy, string? Slug), List<Page>>();
        foreach (var page in readingOrder)
        {
            foreach (var taxonomy in Taxonomies)
            {
                foreach (var slug in TermSlugs(page, taxonomy.Name))
                {
                    if (!carrying.TryGetValue((taxonomy.Name, slug), out var pages)) carrying[(taxonomy.Name, slug)] = pages = [];
                    if (pages.Count == 0 || pages[^1] != page) pages.Add(page);
                }
            }
        }
        Terms = Taxonomies
            .Where(t => content.Vocabularies.ContainsKey(t.Vocabulary))
            .SelectMany(t => content.Vocabularies[t.Vocabulary].Terms.Select(term =>
                new TaxonomyTerm(t, term, carrying.GetValueOrDefault((t.Name, term.Slug)) ?? [])))
            .ToList();
    }

    /// <summary>The published pages of a section (not its list page) in reading order.</summary>
    public IReadOnlyList<Page> InSection(string section) => _sections.GetValueOrDefault(section) ?? [];

    public IReadOnlyList<Page> Related(Page page, string section) =>
        _related.TryGetValue(page, out var set) ? set.Where(p => p.Section == section).ToList() : [];

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> ActiveVacancies(Page page) => Freshness.ActiveVacancies(page, Today);

    /// <summary>Where a topic's aspect is on the Rugzak path, from 1; null for an aspect the vocabulary lacks.</summary>
    public int? AspectStep(Page topic) => _order.AspectPlace(topic) + 1;

    public Page? Find(string section, string slug) => _bySlug.GetValueOrDefault((section, slug));

    public IEnumerable<TaxonomyTerm> TermsOf(Page page) =>
        Terms.Where(t => TermSlugs(page, t.Taxonomy.Name).Contains(t.Term.Slug));

    /// <summary>The term slugs a page carries for a taxonomy, whatever field holds them for its kind.</summary>
    public static IReadOnlyList<string?> TermSlugs(Page page, string taxonomy)
    {
        var key = (taxonomy, page.Kind) switch
        {
            ("sector", PageKind.Company) => "sectors",
            ("municipality", PageKind.Company) => "municipality",
            ("aspect", PageKind.Company) => "aspects",
            ("aspect", PageKind.Topic) => "aspect",
            _ => null,
        };
        return key is null ? [] : page.Fields.GetValueOrDefault(key) switch
        {
            string single => [single],
            IEnumerable<object?> many => many.OfType<string>().ToList<string?>(),
            _ => [],
        };
    }
}

/// <summary>The sort key of a page's place in its lists (ties go by title, then address).</summary>
public sealed class PageOrder(LoadedContent content)
{
    // Rugzak topics follow the aspects in the order of aspects.yml, which is the order a product is made in.
    private readonly Dictionary<string, int> _aspectPlace = (content.Vocabularies.GetValueOrDefault(ContentSchemas.AspectsVocabulary)?.Terms ?? [])
        .Select((term, i) => (term.Slug, i)).ToDictionary(x => x.Slug, x => x.i, StringComparer.Ordinal);

    // Flats have an explicit order; kennisbank articles read newest facts first; topics go along the path of aspects,
    // by weight within one aspect; everything else by weight.
    public long Key(Page p) => p.Kind switch
    {
        PageKind.Flat => p.Fields.GetValueOrDefault("order") as long? ?? 0,
        PageKind.Lesson when p.Fields.GetValueOrDefault("date") is string written && Text.Period.Parse(written) is { } period => -period.End.DayNumber,
        PageKind.Topic => (AspectPlace(p) ?? _aspectPlace.Count) * 1_000_000_000L + p.Weight,
        _ => p.Weight,
    };

    /// <summary>Where a topic's aspect is in aspects.yml, from 0; null for an aspect the vocabulary lacks.</summary>
    public int? AspectPlace(Page topic) =>
        topic.Fields.GetValueOrDefault("aspect") is string aspect && _aspectPlace.TryGetValue(aspect, out var place) ? place : null;
}
