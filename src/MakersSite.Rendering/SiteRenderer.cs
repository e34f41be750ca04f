using MakersSite.Content.Assembly;
using MakersSite.Content.Model;
using MakersSite.Content.Schema;
using MakersSite.Content.Text;

namespace MakersSite.Rendering;

/// <summary>
/// The render phase: every page the site publishes, rendered through the theme's Liquid layouts.
/// Lists pages as jobs so later phases can stream them instead of holding the whole site.
/// </summary>
public sealed class SiteRenderer(SiteGraph graph, TemplateEngine templates, IReadOnlyDictionary<string, ShareImage>? shareImages = null,
    IReadOnlyDictionary<string, PictureModel>? pictures = null, ThemeIcons? icons = null)
{
    private readonly ViewModel _view = new(graph, pictures, icons);
    private readonly ShareCards _cards = new(graph, icons ?? ThemeIcons.None);
    private readonly StructuredData _structuredData = new(graph);
    private readonly Dictionary<string, object?> _data = new ViewModel(graph, themeIcons: icons).Data();

    /// <summary>The share card of every page <see cref="Jobs"/> lists, by URL, so images can be drawn first.</summary>
    public IEnumerable<(string Url, ShareCard Card)> ShareCards()
    {
        foreach (var card in graph.Pages.SelectMany(ShareCardsOf)) yield return card;
        foreach (var section in ContentSchemas.TypedSections)
        {
            var intro = graph.SectionIntros.GetValueOrDefault(section);
            yield return ($"/{section}/", _cards.ForListing(intro?.Title ?? SiteGraph.SectionTitles[section], intro?.Summary, section));
        }
        foreach (var taxonomy in SiteGraph.Taxonomies)
        {
            var terms = graph.Terms.Where(t => t.Taxonomy == taxonomy).ToList();
            if (terms.Count == 0) continue;
            yield return ($"/{taxonomy.Path}/", _cards.ForListing(taxonomy.Title, null));
            foreach (var term in terms) yield return (term.Url, _cards.ForListing(term.Term.Name, term.Term.Description));
        }
        yield return ("/zoeken/", _cards.ForListing("Zoeken", SearchSummary));
        yield return ("/vacatures/", _cards.ForListing("Vacatures en stages", VacanciesSummary, "vacatures"));
        yield return ("/mijn-rugzak/", _cards.ForListing("Mijn rugzak", MyBackpackSummary, ContentSchemas.Topics));
        yield return ("/404.html", _cards.ForListing("Pagina niet gevonden", null));
    }

    /// <summary>The share cards of one content page and of the pages it has (its vacancies'), as <see cref="ShareCards"/> lists them.</summary>
    public IEnumerable<(string Url, ShareCard Card)> ShareCardsOf(Page page)
    {
        yield return (page.Url, _cards.For(page));
        foreach (var vacancy in Vacancies(page)) yield return (Freshness.VacancyUrl(page, vacancy), _cards.ForVacancy(page, vacancy));
    }

    private const string VacanciesSummary = "Alle vacatures, stages, BBL-plekken en afstudeeropdrachten bij de maakbedrijven van Land van de Makers.";
    private const string MyBackpackSummary = "De onderwerpen en bedrijven die jij in je rugzak hebt gestopt. Ze blijven alleen op dit apparaat.";

    private const string SearchSummary = "Zoek in de bedrijven, projecten, kennisbank en Regio in je Rugzak van Land van de Makers.";

    /// <summary>Share image, Slack labels, Open Graph type and JSON-LD for a page's model.</summary>
    /// <param name="structuredData">The JSON-LD of a page that is no content page of its own (a vacancy's), from its breadcrumbs.</param>
    private void Share(Dictionary<string, object?> model, string url, Page? page, Func<IReadOnlyList<(string Title, string? Url)>, string>? structuredData = null)
    {
        var crumbs = (model.GetValueOrDefault("breadcrumbs") as List<object?> ?? [])
            .OfType<Dictionary<string, object?>>()
            .Select(c => ((string)c["title"]!, c.GetValueOrDefault("url") as string))
            .ToList();
        if (shareImages?.GetValueOrDefault(url) is { } image)
        {
            model["share"] = new Dictionary<string, object?>
            {
                ["image"] = image.Url, ["alt"] = image.Alt, ["width"] = image.Width, ["height"] = image.Height,
            };
        }
        model["og_type"] = page?.Kind == PageKind.Lesson ? "article" : "website";
        model["labels"] = page is null ? new List<object?>() : _cards.Labels(page)
            .Select(l => (object?)new Dictionary<string, object?> { ["label"] = l.Label, ["data"] = l.Data }).ToList();
        var imageUrl = shareImages?.GetValueOrDefault(url)?.Url ?? "/img/vlag.svg";
        model["json_ld"] = new RawHtml(structuredData is not null ? structuredData(crumbs) : page is null || page.Kind == PageKind.SectionList
            ? _structuredData.ForListing(url, crumbs)
            : _structuredData.ForPage(page, crumbs, imageUrl));
    }

    /// <summary>
    /// Every page the site publishes, in a fixed order, each with what it needs to build its model later. Output
    /// paths and collisions are known before anything renders, and pages can render in parallel and be written
    /// as they finish, so the whole site is never held in memory.
    /// </summary>
    public IEnumerable<PageJob> Jobs()
    {
        foreach (var page in graph.Pages)
        {
            var layout = page.Kind switch
            {
                PageKind.Home => templates.Resolve("index"),
                PageKind.Plain => templates.Resolve("_default/single"),
                _ => templates.Resolve($"{page.Section}/single", "_default/single"),
            };
            yield return new PageJob(page.Url, page, () => (layout, PageModel(page)));
            // A vacancy's page is its company's: it renders again whenever the company's file changes.
            foreach (var vacancy in Vacancies(page))
                yield return new PageJob(Freshness.VacancyUrl(page, vacancy), page, () => (templates.Resolve("bedrijven/vacature"), VacancyModel(page, vacancy)));
            foreach (var alias in page.Aliases)
                yield return new PageJob(alias, page, null, RedirectTo: page.Url);
        }

        foreach (var section in ContentSchemas.TypedSections)
        {
            var intro = graph.SectionIntros.GetValueOrDefault(section);
            yield return new PageJob($"/{section}/", intro, () => (templates.Resolve($"{section}/list", "_default/list"), SectionModel(section, intro)));
        }

        foreach (var taxonomy in SiteGraph.Taxonomies)
        {
            var terms = graph.Terms.Where(t => t.Taxonomy == taxonomy).ToList();
            if (terms.Count == 0) continue;
            yield return new PageJob($"/{taxonomy.Path}/", null, () => (templates.Resolve("taxonomy/list"), TaxonomyModel(taxonomy, terms)));
            foreach (var term in terms)
                yield return new PageJob(term.Url, null, () => (templates.Resolve("taxonomy/term"), TermModel(taxonomy, term)));
        }

        yield return new PageJob("/zoeken/", null, () => (templates.Resolve("search"), Fixed("/zoeken/", "search", "Zoeken", SearchSummary, crumbs: false)));
        yield return new PageJob("/vacatures/", null, () => (templates.Resolve("vacatures"), VacanciesModel()));
        yield return new PageJob("/mijn-rugzak/", null, () => (templates.Resolve("mijn-rugzak"), BackpackModel()));
        yield return new PageJob("/404.html", null, () => (templates.Resolve("404"), Fixed("/404.html", "404", "Pagina niet gevonden", null, crumbs: false)));
    }

    /// <summary>The page's HTML: its layout placed in the base layout, or for an alias a page that redirects.</summary>
    public string Render(PageJob job)
    {
        if (job.RedirectTo is not null) return RedirectPage(job.RedirectTo);
        var (layout, model) = job.Model!();
        return Render(layout, model);
    }

    /// <summary>A page's layout with the model <see cref="PageJob.Model"/> built, placed in the base layout.</summary>
    public string Render(string layout, Dictionary<string, object?> model) => Wrap(layout, model);

    private Dictionary<string, object?> PageModel(Page page)
    {
        var model = Model(page.Url);
        var pageModel = _view.Page(page);
        Share(pageModel, page.Url, page);
        model["page"] = pageModel;
        if (page.Kind == PageKind.Home)
        {
            model["sections"] = ContentSchemas.TypedSections.ToDictionary(
                s => s, s => (object?)graph.InSection(s).Select(p => (object?)_view.Card(p)).ToList());
            model["vacancies"] = OpenVacancies();
        }
        return model;
    }

    private Dictionary<string, object?> SectionModel(string section, Page? intro)
    {
        var url = $"/{section}/";
        var model = Model(url);
        model["page"] = new Dictionary<string, object?>
        {
            ["kind"] = "list",
            ["section"] = section,
            ["url"] = url,
            ["title"] = intro?.Title ?? SiteGraph.SectionTitles[section],
            ["summary"] = intro?.Summary,
            ["content"] = new RawHtml(intro is null ? "" : intro.BodyHtml),
            // The intro's own fields (its sources), as a page's are.
            ["params"] = intro is null ? null : _view.Card(intro)["params"],
            ["breadcrumbs"] = _view.Breadcrumbs(null, intro?.Title ?? SiteGraph.SectionTitles[section]),
            ["pages"] = graph.InSection(section).Select(p => (object?)_view.Card(p)).ToList(),
            // What the kennisbank list filters by: flats, projects and tags that its articles have.
            ["filter_flats"] = graph.InSection(ContentSchemas.Flats).Select(p => (object?)_view.Card(p)).ToList(),
            ["filter_projects"] = graph.InSection(ContentSchemas.Projects).Select(p => (object?)_view.Card(p)).ToList(),
            ["filter_tags"] = graph.InSection(section)
                .SelectMany(p => (p.Fields.GetValueOrDefault("tags") as IEnumerable<object?>)?.OfType<string>() ?? [])
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(t => (object?)new Dictionary<string, object?> { ["slug"] = Slug.From(t), ["name"] = t }).ToList(),
        };
        Share((Dictionary<string, object?>)model["page"]!, url, null);
        return model;
    }

    private Dictionary<string, object?> TaxonomyModel(Taxonomy taxonomy, List<TaxonomyTerm> terms)
    {
        var url = $"/{taxonomy.Path}/";
        var model = Model(url);
        model["page"] = new Dictionary<string, object?>
        {
            ["kind"] = "taxonomy",
            ["url"] = url,
            ["title"] = taxonomy.Title,
            ["breadcrumbs"] = _view.Breadcrumbs(null, taxonomy.Title),
            ["terms"] = terms.Select(t => (object?)new Dictionary<string, object?>
            {
                ["name"] = t.Term.Name, ["url"] = t.Url, ["count"] = t.Pages.Count, ["description"] = t.Term.Description,
            }).ToList(),
        };
        Share((Dictionary<string, object?>)model["page"]!, url, null);
        return model;
    }

    private Dictionary<string, object?> TermModel(Taxonomy taxonomy, TaxonomyTerm term)
    {
        var model = Model(term.Url);
        model["page"] = new Dictionary<string, object?>
        {
            ["kind"] = "term",
            ["url"] = term.Url,
            ["title"] = term.Term.Name,
            ["summary"] = term.Term.Description,
            ["taxonomy"] = taxonomy.Singular,
            ["breadcrumbs"] = new List<object?>
            {
                new Dictionary<string, object?> { ["title"] = "Home", ["url"] = "/" },
                new Dictionary<string, object?> { ["title"] = taxonomy.Title, ["url"] = $"/{taxonomy.Path}/" },
                new Dictionary<string, object?> { ["title"] = term.Term.Name, ["url"] = null },
            },
            ["pages"] = term.Pages.Select(p => (object?)_view.Card(p)).ToList(),
        };
        Share((Dictionary<string, object?>)model["page"]!, term.Url, null);
        return model;
    }

    /// <summary>The open vacancies of a company, each with a page of its own; none for other pages.</summary>
    private IReadOnlyList<IReadOnlyDictionary<string, object?>> Vacancies(Page page) =>
        page.Kind == PageKind.Company ? graph.ActiveVacancies(page) : [];

    private Dictionary<string, object?> VacancyModel(Page company, IReadOnlyDictionary<string, object?> vacancy)
    {
        var url = Freshness.VacancyUrl(company, vacancy);
        var model = Model(url);
        var kind = vacancy["kind"] as string ?? "";
        var item = (Dictionary<string, object?>)ViewModel.Convert(vacancy)!;
        item["kind_name"] = ContentSchemas.VacancyKindNames.GetValueOrDefault(kind, kind);
        var title = (string)vacancy["title"]!;
        var page = new Dictionary<string, object?>
        {
            ["kind"] = "vacancy", ["url"] = url, ["title"] = title,
            ["summary"] = $"{item["kind_name"]} bij {company.Title} in {company.Fields.GetValueOrDefault("place")}.",
            ["breadcrumbs"] = _view.Breadcrumbs(ContentSchemas.Companies, title, parent: company),
            ["vacancy"] = item,
            ["company"] = _view.Card(company),
        };
        model["page"] = page;
        Share(page, url, null, crumbs => _structuredData.ForVacancy(company, vacancy, url, crumbs));
        return model;
    }

    private Dictionary<string, object?> VacanciesModel()
    {
        var model = Model("/vacatures/");
        model["page"] = new Dictionary<string, object?>
        {
            ["kind"] = "vacancies", ["url"] = "/vacatures/", ["title"] = "Vacatures en stages", ["summary"] = VacanciesSummary,
            ["breadcrumbs"] = _view.Breadcrumbs(null, "Vacatures en stages"),
            ["vacancies"] = OpenVacancies(),
        };
        Share((Dictionary<string, object?>)model["page"]!, "/vacatures/", null);
        return model;
    }

    /// <summary>The backpack page, with the Rugzak path its script marks the pupil's progress on.</summary>
    private Dictionary<string, object?> BackpackModel()
    {
        var model = Fixed("/mijn-rugzak/", "backpack", "Mijn rugzak", MyBackpackSummary, crumbs: true, crumbSection: ContentSchemas.Topics);
        ((Dictionary<string, object?>)model["page"]!)["pages"] = graph.InSection(ContentSchemas.Topics).Select(p => (object?)_view.Card(p)).ToList();
        return model;
    }

    /// <summary>Every open vacancy of every company, newest first, each with its company's card and its own page.</summary>
    private List<object?> OpenVacancies() => graph.InSection(ContentSchemas.Companies)
        .SelectMany(company => graph.ActiveVacancies(company).Select(v => (Company: company, Vacancy: v)))
        .OrderByDescending(x => (DateOnly)x.Vacancy["posted"]!).ThenBy(x => x.Company.Title, StringComparer.OrdinalIgnoreCase)
        .Select(x =>
        {
            var item = (Dictionary<string, object?>)ViewModel.Convert(x.Vacancy)!;
            item["company"] = _view.Card(x.Company);
            item["page_url"] = Freshness.VacancyUrl(x.Company, x.Vacancy);
            return (object?)item;
        }).ToList();

    /// <summary>A page of the site itself (search, backpack, 404) with only a title and summary.</summary>
    private Dictionary<string, object?> Fixed(string url, string kind, string title, string? summary, bool crumbs, string? crumbSection = null)
    {
        var model = Model(url);
        var page = new Dictionary<string, object?> { ["kind"] = kind, ["url"] = url, ["title"] = title };
        if (summary is not null) page["summary"] = summary;
        if (crumbs) page["breadcrumbs"] = _view.Breadcrumbs(crumbSection, title);
        model["page"] = page;
        Share(page, url, null);
        return model;
    }

    private Dictionary<string, object?> Model(string url) => new()
    {
        ["site"] = _view.Site(url),
        ["data"] = _data,
    };

    /// <summary>Renders the page's own layout, then places it in the base layout as "content".</summary>
    private string Wrap(string layout, Dictionary<string, object?> model)
    {
        model["content"] = new RawHtml(templates.Render(layout, model));
        return templates.Render(templates.Resolve("_default/baseof"), model);
    }

    /// <summary>An old address (alias) that sends visitors and crawlers on to the page's current address.</summary>
    private string RedirectPage(string target)
    {
        var absolute = graph.Content.Site.BaseUrlWithoutSlash + target;
        var escaped = Html.Escape(absolute);
        return "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Doorverwijzing</title>" +
               $"<link rel=\"canonical\" href=\"{escaped}\"><meta name=\"robots\" content=\"noindex\">" +
               $"<meta http-equiv=\"refresh\" content=\"0; url={Html.Escape(target)}\"></head>" +
               $"<body><p>Deze pagina is verhuisd naar <a href=\"{Html.Escape(target)}\">{escaped}</a>.</p></body></html>\n";
    }
}
