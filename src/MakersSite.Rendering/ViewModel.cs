using MakersSite.Content.Assembly;
using MakersSite.Content.Model;
using MakersSite.Content.Schema;
using MakersSite.Content.Text;

namespace MakersSite.Rendering;

/// <summary>Turns pages and the site graph into the plain dictionaries and lists that Liquid templates read.</summary>
public sealed class ViewModel(SiteGraph graph, IReadOnlyDictionary<string, PictureModel>? pictures = null, ThemeIcons? themeIcons = null)
{
    private readonly ThemeIcons _icons = themeIcons ?? ThemeIcons.None;

    public Dictionary<string, object?> Site(string currentUrl)
    {
        var site = graph.Content.Site;
        return new()
        {
            ["title"] = site.Title,
            ["description"] = site.Description,
            ["base_url"] = site.BaseUrlWithoutSlash,
            ["language"] = site.Language,
            ["brand"] = site.Brand.ToDictionary(kv => kv.Key, kv => (object?)kv.Value),
            // "Pagina aanpassen" goes to GitHub's editor for the page's file; absent setting, no link.
            ["edit_base"] = site.Repository is null ? null : $"{site.Repository}/edit/{site.Branch}/",
            ["menu"] = Menu(site.MainMenu, currentUrl),
            ["footer_menu"] = Menu(site.FooterMenu, currentUrl),
        };
    }

    private static List<object?> Menu(IEnumerable<MenuItem> items, string currentUrl) => items.Select(m => (object?)new Dictionary<string, object?>
    {
        ["title"] = m.Title,
        ["url"] = m.Url,
        ["active"] = m.Url == "/" ? currentUrl == "/" : currentUrl.StartsWith(m.Url, StringComparison.Ordinal),
    }).ToList();

    /// <summary>Vocabularies as slug → {name, description, url}, so templates print "Venlo" for "venlo".</summary>
    public Dictionary<string, object?> Data()
    {
        var data = new SharedModel();
        foreach (var (name, vocabulary) in graph.Content.Vocabularies)
        {
            var taxonomy = SiteGraph.Taxonomies.FirstOrDefault(t => t.Vocabulary == name);
            data[name] = vocabulary.Terms.ToDictionary(t => t.Slug, t => (object?)new Dictionary<string, object?>
            {
                ["slug"] = t.Slug,
                ["name"] = t.Name,
                ["description"] = t.Description,
                ["url"] = taxonomy is null ? null : $"/{taxonomy.Path}/{t.Slug}/",
                ["icon"] = name == ContentSchemas.AspectsVocabulary ? _icons.Url(t.Slug, ContentSchemas.Topics) : null,
            });
            data[name + "_list"] = vocabulary.Terms.Select(t => (object?)((Dictionary<string, object?>)data[name]!)[t.Slug]).ToList();
        }
        // Fixed choices of the content model, with the words visitors read.
        AddChoices(data, "vacancy_kinds", [.. ContentSchemas.VacancyKindNames.Select(k => (k.Key, k.Value))]);
        AddChoices(data, "levels", [("vmbo", "vmbo"), ("mbo", "mbo"), ("hbo", "hbo"), ("wo", "wo")]);
        return data;
    }

    private static void AddChoices(Dictionary<string, object?> data, string name, (string Slug, string Name)[] choices)
    {
        var items = choices.Select(c => new Dictionary<string, object?> { ["slug"] = c.Slug, ["name"] = c.Name }).ToList();
        data[name] = items.ToDictionary(i => (string)i["slug"]!, i => (object?)i);
        data[name + "_list"] = items.Cast<object?>().ToList();
    }

    public Dictionary<string, object?> Page(Page page)
    {
        var model = new Dictionary<string, object?>(Card(page));
        model["content"] = new RawHtml(page.BodyHtml);
        model["related"] = ContentSchemas.TypedSections.ToDictionary(
            s => s, s => (object?)graph.Related(page, s).Select(p => (object?)Card(p)).ToList());
        model["terms"] = graph.TermsOf(page).Select(t => (object?)new Dictionary<string, object?>
        {
            ["taxonomy"] = t.Taxonomy.Name,
            ["label"] = t.Taxonomy.Singular,
            ["name"] = t.Term.Name,
            ["url"] = t.Url,
        }).ToList();
        model["breadcrumbs"] = Breadcrumbs(page.Section, page.Title);
        model["source"] = page.SourceFile;
        if (page.Section is not null) model["edit_form"] = EditorConfigExport.EntryUrl(page);
        if (page.Kind == PageKind.Project) model["initiators"] = Initiators(page);
        if (page.Kind == PageKind.Topic) model["next"] = NextOnPath(page) is { } next ? Card(next) : null;
        // Resized photos and logos by their name in the bundle (logo.png → srcsets, size).
        model["pictures"] = page.BundleFiles
            .Select(name => (name, picture: pictures?.GetValueOrDefault(Path.Combine(page.BundleDirectory, name))))
            .Where(x => x.picture is not null)
            .ToDictionary(x => x.name, x => (object?)x.picture!.ToModel(page.Url));
        return model;
    }

    // A page's card appears on many lists (its section, each of its terms, related pages): built once, shared read-only.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Page, CardModel> _cards = new(ReferenceEqualityComparer.Instance);

    /// <summary>What a list shows of a page. Shared between lists: callers must not change it.</summary>
    public Dictionary<string, object?> Card(Page page) => _cards.GetOrAdd(page, NewCard);

    private CardModel NewCard(Page page)
    {
        var fields = (Dictionary<string, object?>)Convert(page.Fields)!;
        // Expired vacancies are never published, whichever template reads them.
        if (fields.ContainsKey("vacancies"))
            fields["vacancies"] = graph.ActiveVacancies(page).Select(v => (object?)new Dictionary<string, object?>((Dictionary<string, object?>)Convert(v)!) { ["anchor"] = Freshness.Anchor(v), ["page_url"] = Freshness.VacancyUrl(page, v) }).ToList();
        var lessonFlat = page.Kind == PageKind.Lesson
            ? page.Fields.GetValueOrDefault("flat") as string
              ?? (page.Fields.GetValueOrDefault("project") is string project ? graph.Find(ContentSchemas.Projects, project)?.Fields.GetValueOrDefault("flat") as string : null)
            : null;
        return new()
        {
            ["kind"] = page.Kind.ToString().ToLowerInvariant(),
            // For filters: a lesson's flat (its own or its project's) and its tags as slugs.
            ["flat_slug"] = lessonFlat ?? page.Fields.GetValueOrDefault("flat") as string,
            ["tag_slugs"] = string.Join(' ', (page.Fields.GetValueOrDefault("tags") as IEnumerable<object?>)?.OfType<string>().Select(Slug.From) ?? []),
            ["section"] = page.Section,
            ["slug"] = page.Slug,
            ["url"] = page.Url,
            ["title"] = page.Title,
            ["summary"] = page.Summary,
            ["status"] = page.Kind == PageKind.Project ? ShareCards.Status(page) : null,
            ["icon"] = IconOf(page),
            ["monogram"] = page.Kind == PageKind.Company ? Monogram.Of(page.Title) : null,
            ["step"] = page.Kind == PageKind.Topic ? graph.AspectStep(page) : null,
            ["params"] = fields,
        };
    }

    /// <summary>The topic after this one on the Rugzak path, or null for the last.</summary>
    private Page? NextOnPath(Page topic)
    {
        var path = graph.InSection(ContentSchemas.Topics);
        for (var i = 0; i < path.Count - 1; i++) if (path[i] == topic) return path[i + 1];
        return null;
    }

    /// <summary>A flat's own icon, a project's or article's flat's, a topic's aspect's; null for other pages.</summary>
    private string? IconOf(Page page) => page.Kind switch
    {
        PageKind.Flat => _icons.Url(page.Slug, ContentSchemas.Projects),
        PageKind.Project => _icons.Url(page.Fields.GetValueOrDefault("flat") as string, ContentSchemas.Projects),
        PageKind.Topic => _icons.Url(page.Fields.GetValueOrDefault("aspect") as string, ContentSchemas.Topics),
        _ => null,
    };

    /// <summary>A project's initiators by name: a company's title and address, or the name given for a party without a page.</summary>
    private List<object?> Initiators(Page project) =>
        ((project.Fields.GetValueOrDefault("initiators") as IEnumerable<object?>) ?? []).Select(initiator => (object?)(initiator switch
        {
            string slug when graph.Find(ContentSchemas.Companies, slug) is { } company => new Dictionary<string, object?> { ["name"] = company.Title, ["url"] = company.Url },
            IReadOnlyDictionary<string, object?> named => new Dictionary<string, object?> { ["name"] = named.GetValueOrDefault("name"), ["url"] = null },
            _ => null,
        })).Where(i => i is not null).ToList();

    /// <param name="parent">A page between the section and this one, as a company is for its vacancies.</param>
    public List<object?> Breadcrumbs(string? section, string? title, Page? parent = null)
    {
        var crumbs = new List<object?> { Crumb("Home", "/") };
        if (section is not null && SiteGraph.SectionTitles.TryGetValue(section, out var sectionTitle))
            crumbs.Add(Crumb(graph.SectionIntros.GetValueOrDefault(section)?.Title ?? sectionTitle, $"/{section}/"));
        if (parent is not null) crumbs.Add(Crumb(parent.Title, parent.Url));
        if (title is not null) crumbs.Add(Crumb(title, null));
        return crumbs;
    }

    private static Dictionary<string, object?> Crumb(string title, string? url) => new() { ["title"] = title, ["url"] = url };

    /// <summary>Field values for templates: dates become ISO text (format them with the nl_date filter).</summary>
    public static object? Convert(object? value) => value switch
    {
        DateOnly d => DutchDates.Iso(d),
        IReadOnlyDictionary<string, object?> map => map.ToDictionary(kv => kv.Key, kv => Convert(kv.Value)),
        IEnumerable<object?> list when value is not string => list.Select(Convert).ToList(),
        _ => value,
    };
}

/// <summary>A page's card: shared by every list that shows the page, so its fingerprint is worked out once.</summary>
public sealed class CardModel : Dictionary<string, object?>, ModelFingerprint.IShared
{
    public byte[] Fingerprint => field ??= ModelFingerprint.OfValue(this);
}

/// <summary>A part of every page's model (the site's data), fingerprinted once, not once per page.</summary>
public sealed class SharedModel() : Dictionary<string, object?>(StringComparer.Ordinal), ModelFingerprint.IShared
{
    public byte[] Fingerprint => field ??= ModelFingerprint.OfValue(this);
}

/// <summary>A resized picture for templates: srcsets per format, the fallback file, and its natural size.</summary>
public sealed record PictureModel(int Width, int Height, IReadOnlyList<(int Width, string File)> Webp, IReadOnlyList<(int Width, string File)> Fallback)
{
    public Dictionary<string, object?> ToModel(string pageUrl) => new()
    {
        ["webp_srcset"] = string.Join(", ", Webp.Select(v => $"{pageUrl}{v.File} {v.Width}w")),
        ["srcset"] = string.Join(", ", Fallback.Select(v => $"{pageUrl}{v.File} {v.Width}w")),
        ["src"] = pageUrl + Fallback[^1].File,
        ["width"] = Width,
        ["height"] = Height,
    };
}
