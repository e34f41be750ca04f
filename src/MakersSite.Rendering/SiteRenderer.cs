using MakersSite.Content.Assembly;
using MakersSite.Content.Model;
using MakersSite.Content.Schema;
using MakersSite.Content.Text;

namespace MakersSite.Rendering;

/// <summary>
/// The render phase: every page the site publishes, rendered through the theme's Liquid layouts.
/// Yields pages one by one so later phases can stream them instead of holding the whole site.
/// </summary>
public sealed class SiteRenderer(SiteGraph graph, TemplateEngine templates, IReadOnlyDictionary<string, ShareImage>? shareImages = null,
    IReadOnlyDictionary<string, PictureModel>? pictures = null)
{
    private readonly ViewModel _view = new(graph, pictures);
    private readonly ShareCards _cards = new(graph);
    private readonly StructuredData _structuredData = new(graph);

    /// <summary>The share card of every page <see cref="RenderAll"/> renders, by URL, so images can be drawn first.</summary>
    public IEnumerable<(string Url, ShareCard Card)> ShareCards()
    {
        foreach (var page in graph.Pages) yield return (page.Url, _cards.For(page));
        foreach (var section in ContentSchemas.TypedSections)
        {
            var intro = graph.SectionIntros.GetValueOrDefault(section);
            yield return ($"/{section}/", _cards.ForListing(intro?.Title ?? SiteGraph.SectionTitles[section], intro?.Summary));
        }
        foreach (var taxonomy in SiteGraph.Taxonomies)
        {
            var terms = graph.Terms.Where(t => t.Taxonomy == taxonomy).ToList();
            if (terms.Count == 0) continue;
            yield return ($"/{taxonomy.Path}/", _cards.ForListing(taxonomy.Title, null));
            foreach (var term in terms) yield return (term.Url, _cards.ForListing(term.Term.Name, term.Term.Description));
        }
        yield return ("/zoeken/", _cards.ForListing("Zoeken", SearchSummary));
        yield return ("/vacatures/", _cards.ForListing("Vacatures en stages", VacanciesSummary));
        yield return ("/mijn-rugzak/", _cards.ForListing("Mijn rugzak", MyBackpackSummary));
        yield return ("/404.html", _cards.ForListing("Pagina niet gevonden", null));
    }

    private const string VacanciesSummary = "Alle vacatures, stages, BBL-plekken en afstudeeropdrachten bij de maakbedrijven van Land van de Makers.";
    private const string MyBackpackSummary = "De onderwerpen en bedrijven die jij in je rugzak hebt gestopt. Ze blijven alleen op dit apparaat.";

    private const string SearchSummary = "Zoek in de bedrijven, projecten, kennisbank en Regio in je Rugzak van Land van de Makers.";

    /// <summary>Share image, Slack labels, Open Graph type and JSON-LD for a page's model.</summary>
    private void Share(Dictionary<string, object?> model, string url, Page? page)
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
        model["json_ld"] = new RawHtml(page is null || page.Kind == PageKind.SectionList
            ? _structuredData.ForListing(url, crumbs)
            : _structuredData.ForPage(page, crumbs, imageUrl));
    }

    public IEnumerable<RenderedPage> RenderAll()
    {
        var data = _view.Data();
        foreach (var page in graph.Pages)
        {
            var layout = page.Kind switch
            {
                PageKind.Home => templates.Resolve("index"),
                PageKind.Plain => templates.Resolve("_default/single"),
                _ => templates.Resolve($"{page.Section}/single", "_default/single"),
            };
            var model = Model(page.Url, data);
            var pageModel = _view.Page(page);
            Share(pageModel, page.Url, page);
            model["page"] = pageModel;
            if (page.Kind == PageKind.Home)
            {
                model["sections"] = ContentSchemas.TypedSections.ToDictionary(
                    s => s, s => (object?)graph.InSection(s).Select(p => (object?)_view.Card(p)).ToList());
            }
            yield return new RenderedPage(page.Url, Wrap(layout, model), page);
            foreach (var alias in page.Aliases)
                yield return new RenderedPage(alias, RedirectPage(page.Url), page, IsRedirect: true);
        }

        foreach (var section in ContentSchemas.TypedSections)
        {
            var intro = graph.SectionIntros.GetValueOrDefault(section);
            var url = $"/{section}/";
            var model = Model(url, data);
            model["page"] = new Dictionary<string, object?>
            {
                ["kind"] = "list",
                ["section"] = section,
                ["url"] = url,
                ["title"] = intro?.Title ?? SiteGraph.SectionTitles[section],
                ["summary"] = intro?.Summary,
                ["content"] = new RawHtml(intro is null ? "" : MarkdownRenderer.Render(intro.Body)),
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
            yield return new RenderedPage(url, Wrap(templates.Resolve($"{section}/list", "_default/list"), model), intro);
        }

        foreach (var taxonomy in SiteGraph.Taxonomies)
        {
            var terms = graph.Terms.Where(t => t.Taxonomy == taxonomy).ToList();
            if (terms.Count == 0) continue;
            var url = $"/{taxonomy.Path}/";
            var model = Model(url, data);
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
            yield return new RenderedPage(url, Wrap(templates.Resolve("taxonomy/list"), model), null);

            foreach (var term in terms)
            {
                var termModel = Model(term.Url, data);
                termModel["page"] = new Dictionary<string, object?>
                {
                    ["kind"] = "term",
                    ["url"] = term.Url,
                    ["title"] = term.Term.Name,
                    ["summary"] = term.Term.Description,
                    ["taxonomy"] = taxonomy.Singular,
                    ["breadcrumbs"] = new List<object?>
                    {
                        new Dictionary<string, object?> { ["title"] = "Home", ["url"] = "/" },
                        new Dictionary<string, object?> { ["title"] = taxonomy.Title, ["url"] = url },
                        new Dictionary<string, object?> { ["title"] = term.Term.Name, ["url"] = null },
                    },
                    ["pages"] = term.Pages.Select(p => (object?)_view.Card(p)).ToList(),
                };
                Share((Dictionary<string, object?>)termModel["page"]!, term.Url, null);
                yield return new RenderedPage(term.Url, Wrap(templates.Resolve("taxonomy/term"), termModel), null);
            }
        }

        var search = Model("/zoeken/", data);
        search["page"] = new Dictionary<string, object?>
        {
            ["kind"] = "search", ["url"] = "/zoeken/", ["title"] = "Zoeken",
            ["summary"] = SearchSummary,
        };
        Share((Dictionary<string, object?>)search["page"]!, "/zoeken/", null);
        yield return new RenderedPage("/zoeken/", Wrap(templates.Resolve("search"), search), null);

        var vacancies = Model("/vacatures/", data);
        vacancies["page"] = new Dictionary<string, object?>
        {
            ["kind"] = "vacancies", ["url"] = "/vacatures/", ["title"] = "Vacatures en stages", ["summary"] = VacanciesSummary,
            ["breadcrumbs"] = _view.Breadcrumbs(null, "Vacatures en stages"),
            ["vacancies"] = graph.InSection(ContentSchemas.Companies)
                .SelectMany(company => graph.ActiveVacancies(company).Select(v => (Company: company, Vacancy: v)))
                .OrderByDescending(x => (DateOnly)x.Vacancy["posted"]!).ThenBy(x => x.Company.Title, StringComparer.OrdinalIgnoreCase)
                .Select(x =>
                {
                    var item = (Dictionary<string, object?>)ViewModel.Convert(x.Vacancy)!;
                    item["company"] = _view.Card(x.Company);
                    return (object?)item;
                }).ToList(),
        };
        Share((Dictionary<string, object?>)vacancies["page"]!, "/vacatures/", null);
        yield return new RenderedPage("/vacatures/", Wrap(templates.Resolve("vacatures"), vacancies), null);

        var backpack = Model("/mijn-rugzak/", data);
        backpack["page"] = new Dictionary<string, object?>
        {
            ["kind"] = "backpack", ["url"] = "/mijn-rugzak/", ["title"] = "Mijn rugzak", ["summary"] = MyBackpackSummary,
            ["breadcrumbs"] = _view.Breadcrumbs(ContentSchemas.Topics, "Mijn rugzak"),
        };
        Share((Dictionary<string, object?>)backpack["page"]!, "/mijn-rugzak/", null);
        yield return new RenderedPage("/mijn-rugzak/", Wrap(templates.Resolve("mijn-rugzak"), backpack), null);

        var notFound = Model("/404.html", data);
        notFound["page"] = new Dictionary<string, object?> { ["kind"] = "404", ["url"] = "/404.html", ["title"] = "Pagina niet gevonden" };
        Share((Dictionary<string, object?>)notFound["page"]!, "/404.html", null);
        yield return new RenderedPage("/404.html", Wrap(templates.Resolve("404"), notFound), null);
    }

    private Dictionary<string, object?> Model(string url, Dictionary<string, object?> data) => new()
    {
        ["site"] = _view.Site(url),
        ["data"] = data,
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
