using MakersSite.Content.Diagnostics;
using MakersSite.Content.Files;
using MakersSite.Content.Model;
using MakersSite.Content.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MakersSite.Content.Loading;

/// <summary>
/// The load phase: reads content/site.yml, the vocabularies in content/_data and every page bundle,
/// validating each against its schema. Problems go to the diagnostic bag; valid pages come back.
/// </summary>
/// <param name="memo">serve's pages of the previous rebuild, in memory.</param>
/// <param name="store">Pages of earlier builds in the build cache: a page whose files and vocabularies are unchanged comes from there.</param>
/// <param name="today">The build's date, for dates that may not lie ahead; null leaves them unchecked. A page that passed
/// stays passed as days go by, so loaded pages may still come from the caches.</param>
public sealed class ContentLoader(string root, DiagnosticBag diagnostics, LoadedPageMemo? memo = null, ILoadedPageStore? store = null, DateOnly? today = null)
{
    private readonly string _contentDirectory = Path.Combine(root, "content");
    private int _pagesFromStore;

    /// <summary>Pages the last <see cref="Load"/> took from the store instead of reading their files.</summary>
    public int PagesFromStore => _pagesFromStore;

    private static readonly ListType MenuSchema = new(new GroupType(
    [
        new("title", new TextType(), Required: true),
        new("url", new TextType(Pattern: "^/", PatternHint: "een adres binnen de site dat met / begint"), Required: true),
    ]));

    private static readonly GroupType SiteSchema = new(
    [
        new("title", new TextType(), Required: true),
        new("baseUrl", new UrlType(), Required: true),
        new("language", ChoiceType.Of("nl"), Required: true),
        new("description", new TextType()),
        new("theme", new TextType(Pattern: "^[a-z0-9-]+$", PatternHint: "de mapnaam van een thema in themes/")),
        new("menus", new GroupType([new("main", MenuSchema), new("footer", MenuSchema)])),
        new("brand", new GroupType([new("primary", new TextType()), new("ink", new TextType()), new("paper", new TextType())])),
        new("repository", new GroupType(
        [
            new("url", new TextType(Pattern: "^https://github\\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", PatternHint: "het adres van de repository op GitHub, zoals https://github.com/land-van-de-makers/makers-site"), Required: true),
            new("branch", new TextType(Pattern: "^[A-Za-z0-9._/-]+$", PatternHint: "de naam van de branch, zoals main")),
            // The server that does GitHub's login for the form editor (a static host cannot keep the OAuth secret).
            new("auth", new UrlType()),
        ])),
    ]);

    private static readonly ListType VocabularySchema = new(new GroupType(
    [
        new("slug", new TextType(Pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", PatternHint: "kleine letters, cijfers en streepjes"), Required: true),
        new("name", new TextType(), Required: true),
        new("description", new TextType()),
    ]), MinItems: 1);

    public LoadedContent? Load()
    {
        if (!Directory.Exists(_contentDirectory))
        {
            diagnostics.Error("content", 0, 0, null, "De map 'content' ontbreekt in deze site.");
            return null;
        }
        var site = LoadSite();
        var vocabularies = LoadVocabularies();
        var pages = LoadPages(vocabularies);
        return site is null ? null : new LoadedContent(root, site, vocabularies, pages);
    }

    /// <summary>
    /// Only content/site.yml and the vocabularies, for a build that loads just the pages that changed
    /// (<see cref="LoadPageFile"/>) and takes the others as the previous build left them.
    /// </summary>
    public (SiteConfig? Site, Dictionary<string, Vocabulary> Vocabularies) LoadSettings() =>
        Directory.Exists(_contentDirectory) ? (LoadSite(), LoadVocabularies()) : (null, new Dictionary<string, Vocabulary>());

    /// <summary>One page by its path relative to the site (content/…/index.md), as <see cref="Load"/> would load it.</summary>
    public Page? LoadPageFile(string file, IReadOnlyDictionary<string, Vocabulary> vocabularies)
    {
        var place = PagePlace.Classify(file);
        if (place is null) return null;
        var path = Path.Combine(root, file);
        return memo is null && store is null ? LoadPage(path, file, place, vocabularies)
            : LoadRemembered(path, file, place, vocabularies, LoadedPageMemo.VocabulariesKey(vocabularies));
    }

    private SiteConfig? LoadSite()
    {
        const string file = "content/site.yml";
        var path = Path.Combine(root, file);
        if (!File.Exists(path))
        {
            diagnostics.Error(file, 0, 0, null, "Het bestand content/site.yml ontbreekt; daarin staan de titel en het adres van de site.");
            return null;
        }
        var node = ReadYaml(path, file);
        if (node is not YamlMappingNode mapping)
        {
            if (node is not null) diagnostics.Error(file, 1, 1, null, "content/site.yml moet uit regels 'veld: waarde' bestaan.");
            return null;
        }
        var validator = new FrontMatterValidator(file, Path.GetDirectoryName(path)!, new Dictionary<string, Vocabulary>(), diagnostics, lineOffset: 0);
        var values = validator.ValidateRoot(mapping, SiteSchema.Fields);
        if (!values.ContainsKey("title") || !values.ContainsKey("baseUrl") || !values.ContainsKey("language")) return null;

        var menus = values.GetValueOrDefault("menus") as Dictionary<string, object?>;
        List<MenuItem> Menu(string name) => (menus?.GetValueOrDefault(name) as List<object?> ?? [])
            .Cast<Dictionary<string, object?>>()
            .Select(m => new MenuItem((string)m["title"]!, (string)m["url"]!))
            .ToList();
        var brand = (values.GetValueOrDefault("brand") as Dictionary<string, object?> ?? [])
            .ToDictionary(kv => kv.Key, kv => (string)kv.Value!, StringComparer.Ordinal);
        return new SiteConfig(
            (string)values["title"]!,
            (string)values["baseUrl"]!,
            (string)values["language"]!,
            values.GetValueOrDefault("description") as string ?? "",
            values.GetValueOrDefault("theme") as string ?? "default",
            Menu("main"),
            Menu("footer"),
            brand)
        {
            Repository = (values.GetValueOrDefault("repository") as Dictionary<string, object?>)?.GetValueOrDefault("url") as string,
            Branch = (values.GetValueOrDefault("repository") as Dictionary<string, object?>)?.GetValueOrDefault("branch") as string ?? "main",
            EditorAuth = (values.GetValueOrDefault("repository") as Dictionary<string, object?>)?.GetValueOrDefault("auth") as string,
        };
    }

    /// <summary>Only the vocabularies of content/_data (for scaffolding, which lists the allowed values).</summary>
    public Dictionary<string, Vocabulary> LoadVocabularies()
    {
        var result = new Dictionary<string, Vocabulary>(StringComparer.Ordinal);
        var directory = Path.Combine(_contentDirectory, "_data");
        if (!Directory.Exists(directory)) return result;
        foreach (var path in Directory.GetFiles(directory, "*.yml").Order(StringComparer.Ordinal))
        {
            var file = Relative(path);
            var node = ReadYaml(path, file);
            if (node is null) continue;
            var validator = new FrontMatterValidator(file, directory, result, diagnostics, lineOffset: 0);
            if (validator.ValidateDocument(node, VocabularySchema) is not List<object?> items) continue;
            var terms = items.Cast<Dictionary<string, object?>>()
                .Select(t => new Term((string)t["slug"]!, (string)t["name"]!, t.GetValueOrDefault("description") as string))
                .ToList();
            result[Path.GetFileNameWithoutExtension(path)] = new Vocabulary(Path.GetFileNameWithoutExtension(path), terms);
        }
        return result;
    }

    private List<Page> LoadPages(IReadOnlyDictionary<string, Vocabulary> vocabularies)
    {
        var listing = memo?.Listing ?? ListContent();
        if (memo is not null) memo.Listing = listing;
        foreach (var link in listing.Links) diagnostics.Error(link, 0, 0, null, BundleFiles.LinkMessage(Path.GetFileName(link)));
        var markdownFiles = listing.Pages;
        ReportCaseDuplicates(markdownFiles.Where(f => f.Place is not null).Select(f => (f.File, f.Place!)));
        // Pages load independently, on every core; the diagnostic bag is thread-safe and sorts what it reports.
        var vocabulariesKey = memo is null && store is null ? "" : LoadedPageMemo.VocabulariesKey(vocabularies);
        return markdownFiles.AsParallel().AsOrdered().Select(f =>
        {
            if (f.Place is null)
            {
                diagnostics.Error(f.File, 0, 0, null,
                    "Dit bestand staat niet op een plek waar de site pagina's zoekt. Een pagina heet index.md en staat " +
                    "in een eigen map, zoals content/bedrijven/mijn-bedrijf/index.md.");
                return null;
            }
            return memo is null && store is null ? LoadPage(f.Path, f.File, f.Place, vocabularies) : LoadRemembered(f.Path, f.File, f.Place, vocabularies, vocabulariesKey);
        }).OfType<Page>().ToList();
    }

    /// <summary>Every Markdown file of content/ (outside _data) and every link in it, walked without following links.</summary>
    private ContentListing ListContent()
    {
        var tree = ContentTree.Walk(_contentDirectory);
        var pages = tree.Files.Where(p => p.EndsWith(".md", StringComparison.Ordinal) && !Relative(p).StartsWith("content/_data/", StringComparison.Ordinal))
            .Select(p => (Path: p, File: Relative(p), Place: PagePlace.Classify(Relative(p))))
            .ToList();
        return new ContentListing(pages, tree.Links.Select(Relative).ToList());
    }

    /// <summary>Two folders whose names differ only in letter case would share one web address on most servers.</summary>
    private void ReportCaseDuplicates(IEnumerable<(string File, PagePlace Place)> places)
    {
        var groups = places.Where(p => p.Place.Section is not null && p.Place.Kind != PageKind.SectionList)
            .GroupBy(p => (p.Place.Section, Slug: p.Place.Slug.ToLowerInvariant()));
        foreach (var group in groups)
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
                diagnostics.Error(duplicate.File, 0, 0, null,
                    $"De map '{duplicate.Place.Slug}' heeft dezelfde naam als '{first.Place.Slug}' (hoofdletters tellen niet mee in een webadres). " +
                    "Geef één van beide mappen een andere naam.");
        }
    }

    /// <summary>A page loaded without problems before is reused while its bundle and the vocabularies are unchanged.</summary>
    private Page? LoadRemembered(string path, string file, PagePlace place, IReadOnlyDictionary<string, Vocabulary> vocabularies, string vocabulariesKey)
    {
        // The home page and section pages have no bundle (their folder holds the other pages): what they read is the
        // files they name, known only once they are read. There are a handful, so they are simply read every time.
        if (place.Kind is PageKind.Home or PageKind.SectionList) return LoadAlone(path, file, place, vocabularies, out _);
        // serve's memory comes first; the cache must then not forget the page, or the next build reads it again.
        if (memo is not null && memo.TryGetUnchanged(file, Path.GetDirectoryName(path)!, vocabulariesKey, out var unchanged, out var unchangedKey))
        {
            store?.Keep(unchangedKey);
            return unchanged;
        }
        var key = LoadedPageMemo.Key(path, vocabulariesKey);
        if (memo is not null && memo.TryGet(file, key, out var remembered))
        {
            store?.Keep(key);
            return remembered;
        }
        if (store?.Read(key) is { } stored && stored.SourceFile == file)
        {
            Interlocked.Increment(ref _pagesFromStore);
            memo?.Remember(file, key, stored);
            return stored;
        }
        var page = LoadAlone(path, file, place, vocabularies, out var messages);
        // Only pages without any message: a warning must come back on every build, so such a page is always read.
        if (page is not null && messages == 0)
        {
            memo?.Remember(file, key, page);
            store?.Write(key, page);
        }
        return page;
    }

    /// <summary>Loads one page with messages of its own, counted, then added to the build's.</summary>
    private Page? LoadAlone(string path, string file, PagePlace place, IReadOnlyDictionary<string, Vocabulary> vocabularies, out int messages)
    {
        var own = new DiagnosticBag();
        var page = new ContentLoader(root, own, today: today).LoadPage(path, file, place, vocabularies);
        var sorted = own.Sorted();
        foreach (var diagnostic in sorted) diagnostics.Add(diagnostic);
        messages = sorted.Count;
        return page;
    }

    private Page? LoadPage(string path, string file, PagePlace place, IReadOnlyDictionary<string, Vocabulary> vocabularies)
    {
        // A folder's name has no line in any file; the page is still read so its other problems come in the same run.
        var badFolder = !PagePlace.IsValidSlug(place.Slug) && place.Kind is not (PageKind.Home or PageKind.SectionList);
        if (badFolder)
        {
            diagnostics.Error(file, 0, 0, null,
                $"De mapnaam '{place.Slug}' wordt het webadres van de pagina en mag alleen kleine letters, cijfers en " +
                "streepjes bevatten, zoals 'mijn-bedrijf'. Geef de map een andere naam.");
        }
        var text = SourceText.Read(path, file, diagnostics);
        if (text is null) return null;
        var document = FrontMatterReader.Read(text, file, diagnostics);
        if (document is null) return null;

        var bundle = Path.GetDirectoryName(path)!;
        var validator = new FrontMatterValidator(file, bundle, vocabularies, diagnostics);
        var schema = ContentSchemas.ForSection(place.Kind == PageKind.SectionList ? null : place.Section);
        var fields = validator.ValidateRoot(document.FrontMatter, schema);
        // The YAML starts on the file's second line, after the opening ---.
        SourceRules.Check(file, place.Kind, fields, validator.Positions, (int)document.FrontMatter.Start.Line + 1, today, diagnostics);
        if (ContentMarkdown.TryRender(document.Body, file, document.BodyLine, diagnostics) is not var (markdown, bodyHtml)) return null;
        var bodyLinks = ContentMarkdown.Links(markdown, document.BodyLine);
        var linkedFiles = CheckBodyLinks(file, bundle, bodyLinks);
        if (!fields.ContainsKey("title") || badFolder) return null;

        // A home or section page's folder also holds the other pages: only the files it names are published beside it.
        var bundleFiles = place.Kind is PageKind.Home or PageKind.SectionList
            ? linkedFiles.Where(f => Path.GetFileName(f) is not ("index.md" or "_index.md")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Where(f => BundleFiles.Check(Path.Combine(bundle, f), Relative(Path.Combine(bundle, f)), diagnostics)).ToList()
            : BundleFiles.List(bundle, Relative, diagnostics, validator.Images);

        return new Page
        {
            SourceFile = file,
            BundleDirectory = bundle,
            Kind = place.Kind,
            Section = place.Section,
            Slug = place.Slug,
            Url = place.Url,
            Fields = fields,
            // Rendered from the parse the link checks used, so the body is parsed once per build, not twice.
            BodyHtml = bodyHtml,
            BodyLine = document.BodyLine,
            References = validator.References,
            FieldPositions = validator.Positions,
            BodyLinks = bodyLinks,
            BundleFiles = bundleFiles,
        };
    }

    /// <returns>The files in the bundle that relative links point at and that exist, relative to the bundle.</returns>
    private List<string> CheckBodyLinks(string file, string bundle, IReadOnlyList<BodyLink> links)
    {
        var linked = new List<string>();
        foreach (var link in links)
        {
            var scheme = UrlSafety.Scheme(link.Url);
            if (UrlSafety.IsDangerousScheme(scheme))
            {
                diagnostics.Error(file, link.Line, link.Column, null,
                    $"Deze link gebruikt een {scheme}:-adres. Dat is niet toegestaan omdat het code kan uitvoeren; gebruik een https://-adres.");
            }
            else if (!UrlSafety.IsAllowedLinkScheme(scheme))
            {
                diagnostics.Error(file, link.Line, link.Column, null,
                    $"Deze link gebruikt het onbekende adrestype '{scheme}:'. Gebruik https://, mailto: of tel:.");
            }
            else if (UrlSafety.DeceptionProblem(link.Url) is { } deception)
            {
                diagnostics.Error(file, link.Line, link.Column, null, deception);
            }
            else if (scheme == "" && !link.Url.StartsWith('/') && !link.Url.StartsWith('#'))
            {
                // A relative link points at a file in the bundle, such as ![foto](hal.jpg).
                var target = link.Url.Split('#', '?')[0];
                var full = Path.GetFullPath(Path.Combine(bundle, Uri.UnescapeDataString(target)));
                if (!full.StartsWith(Path.GetFullPath(bundle) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    diagnostics.Error(file, link.Line, link.Column, null,
                        $"De link '{link.Url}' wijst buiten de map van deze pagina. Verwijs naar een andere pagina met een adres dat met / begint, zoals /bedrijven/naam/.");
                else if (FileStatus.KindBelow(Path.GetFullPath(bundle), Path.GetRelativePath(bundle, full).Replace('\\', '/')) is var kind && kind == FileKind.Missing)
                    diagnostics.Error(file, link.Line, link.Column, null,
                        $"Het bestand '{target}' bestaat niet in de map van deze pagina. Controleer de naam of voeg het bestand toe.");
                // A link is reported where it stands (the walk of content/); its target is never published.
                else if (kind != FileKind.Link) linked.Add(Path.GetRelativePath(bundle, full).Replace('\\', '/'));
            }
        }
        return linked;
    }

    private YamlNode? ReadYaml(string path, string file)
    {
        var text = SourceText.Read(path, file, diagnostics);
        if (text is null) return null;
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Error(file, 1, 1, null, "Het bestand is leeg.");
            return null;
        }
        var stream = FrontMatterReader.Parse(text, file, lineOffset: 0, diagnostics);
        return stream?.Documents.Count == 1 ? stream.Documents[0].RootNode : null;
    }

    private string Relative(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
