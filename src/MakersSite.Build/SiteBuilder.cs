using MakersSite.Content.Assembly;
using MakersSite.Content.Diagnostics;
using MakersSite.Content.Loading;
using MakersSite.Content.Model;
using MakersSite.Images;
using MakersSite.Output;
using MakersSite.Rendering;
using MakersSite.Search;

namespace MakersSite.Build;

/// <summary>
/// Runs the build phases in order: load → validate → assemble → render → post-process → write.
/// Any error stops the build before the write phase swaps anything into place.
/// </summary>
public sealed class SiteBuilder(Action<string>? log = null)
{
    public BuildResult Build(BuildOptions options)
    {
        var root = Path.GetFullPath(options.Root);
        var diagnostics = new DiagnosticBag();

        log?.Invoke("laden");
        var content = new ContentLoader(root, diagnostics).Load();

        log?.Invoke("controleren");
        var today = options.EffectiveToday;
        if (content is not null)
        {
            CrossReferenceValidator.Validate(content.Pages, diagnostics);
            Freshness.Check(content.Pages, today, diagnostics);
        }
        if (content is null || diagnostics.HasErrors) return Fail(diagnostics);
        if (options.BaseUrl is not null) content = content with { Site = content.Site with { BaseUrl = options.BaseUrl } };

        log?.Invoke("samenstellen");
        var graph = new SiteGraph(content, options.IncludeDrafts, today);
        var themeDirectory = Path.Combine(root, "themes", content.Site.Theme);
        if (!Directory.Exists(themeDirectory))
        {
            diagnostics.Error("content/site.yml", 0, 0, "theme", $"Het thema '{content.Site.Theme}' bestaat niet: de map themes/{content.Site.Theme}/ ontbreekt.");
            return Fail(diagnostics);
        }

        var assets = ThemeAssets.Read(themeDirectory, content.Site.Theme, diagnostics);
        if (diagnostics.HasErrors) return Fail(diagnostics);

        log?.Invoke("afbeeldingen");
        var fonts = SocialFonts.Load(Path.Combine(themeDirectory, "node_modules"), out var missingFont);
        if (fonts is null)
        {
            diagnostics.Error($"themes/{content.Site.Theme}/package.json", 0, 0, null,
                $"Het lettertype {Path.GetRelativePath(root, missingFont!)} ontbreekt. Installeer de pakketten van het thema: " +
                $"voer 'npm ci' uit in themes/{content.Site.Theme} (dotnet build doet dat vanzelf).");
            return Fail(diagnostics);
        }
        var templates = new TemplateEngine([Path.Combine(root, "layouts"), Path.Combine(themeDirectory, "layouts")]);
        SocialImages socialImages;
        IReadOnlyDictionary<string, ShareImage> shareImages;
        using (fonts)
        {
            socialImages = new SocialImages(Path.Combine(root, ".cache", "social"), new SocialImageRenderer(fonts));
            shareImages = socialImages.Prepare(new SiteRenderer(graph, templates).ShareCards().ToList(), draw: options.WriteOutput);
        }

        var pictures = PreparePictures(root, graph, encode: options.WriteOutput);

        log?.Invoke("renderen");
        List<RenderedPage> rendered;
        try
        {
            rendered = new SiteRenderer(graph, templates, shareImages, pictures.Models).RenderAll().ToList();
        }
        catch (TemplateException e)
        {
            diagnostics.Error($"themes/{content.Site.Theme}/layouts", 0, 0, null, e.Message);
            return Fail(diagnostics);
        }

        var files = CollectFiles(root, themeDirectory, assets, graph);
        foreach (var (output, source) in socialImages.Files) files[output] = source;
        // Photos and logos are shipped resized only, never as the member's original file.
        foreach (var original in pictures.Originals) files.Remove(original);
        foreach (var (output, source) in pictures.Files) files[output] = source;
        var outputPaths = new HashSet<string>(files.Keys, StringComparer.Ordinal);
        foreach (var page in rendered) outputPaths.Add(OutputPaths.FileForUrl(page.Url));
        var discovery = new DiscoveryFiles(graph).All(rendered.Where(p => !p.IsRedirect).Select(p => p.Url)).ToList();
        foreach (var (path, _) in discovery) outputPaths.Add(path);
        ReportCollisions(rendered, diagnostics);

        log?.Invoke("nabewerken");
        var postProcessor = new PostProcessor(outputPaths.Contains);
        var broken = new List<BrokenLink>();
        var html = rendered.Select(p => (Page: p, Html: p.IsRedirect ? p.Html : postProcessor.Process(p.Url, p.Html, broken, relativeLinks: p.Url != "/404.html"))).ToList();
        ReportBrokenLinks(broken, rendered, diagnostics);
        if (diagnostics.HasErrors) return Fail(diagnostics);

        // The offline worker's cache name follows the Rugzak pages and the files they use.
        string[] offlineAssets = ["css/site.css", "js/site.js", "js/rugzak.js", "img/vlag.svg", "fonts/inter-latin-400-normal.woff2", "fonts/inter-latin-700-normal.woff2"];
        var offlineHash = OfflineFiles.Hash(html.Where(p => p.Page.Url.StartsWith("/rugzak/", StringComparison.Ordinal) || p.Page.Url == "/mijn-rugzak/")
            .Select(p => p.Html).Concat(offlineAssets.Where(files.ContainsKey).Select(a => File.ReadAllText(files[a]))));
        var serviceWorker = OfflineFiles.Worker(graph, offlineAssets.Where(files.ContainsKey), offlineHash);

        log?.Invoke("zoekindex");
        var searchDocuments = new SearchDocuments(graph);
        var search = SearchIndexWriter.Write(html
            .Where(p => !p.Page.IsRedirect && p.Page.Source is not null)
            .AsParallel()
            .Select(p => searchDocuments.From(p.Page.Source!, p.Html))
            .OfType<SearchDocument>()
            .ToList());

        if (options.WriteOutput)
        {
            log?.Invoke("schrijven");
            using var output = new AtomicOutput(options.OutputDirectory);
            foreach (var (relative, source) in files) output.CopyFile(source, relative);
            foreach (var (page, text) in html) output.WriteText(OutputPaths.FileForUrl(page.Url), text);
            foreach (var file in search.Files) output.WriteText($"{SearchIndexWriter.DataFolder}/{file.Path}", file.Text);
            foreach (var (path, text) in discovery) output.WriteText(path, text);
            output.WriteText(OfflineFiles.ServiceWorker, serviceWorker);
            output.Commit();
        }
        return new BuildResult(diagnostics.Sorted(), rendered.Count(p => !p.IsRedirect), outputPaths.Count + search.Files.Count) { Search = search, SocialImagesDrawn = socialImages.Drawn };
    }

    /// <summary>
    /// Static files of the theme and its npm assets, then of the site (which win), then each bundle's files beside its page.
    /// </summary>
    private static SortedDictionary<string, string> CollectFiles(string root, string themeDirectory,
        IReadOnlyList<(string Output, string Source)> assets, SiteGraph graph)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void AddDirectory(string directory)
        {
            if (!Directory.Exists(directory)) return;
            foreach (var file in Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
                files[Path.GetRelativePath(directory, file).Replace('\\', '/')] = file;
        }
        AddDirectory(Path.Combine(themeDirectory, "static"));
        foreach (var (output, source) in assets) files[output] = source;
        AddDirectory(Path.Combine(root, "static"));
        foreach (var page in graph.Pages)
        {
            foreach (var name in page.BundleFiles)
                files[page.Url.TrimStart('/') + name] = Path.Combine(page.BundleDirectory, name);
        }
        return files;
    }

    private sealed record PreparedPictures(IReadOnlyDictionary<string, PictureModel> Models, IReadOnlyList<string> Originals, IReadOnlyDictionary<string, string> Files);

    /// <summary>Resizes every logo and photo of the published companies, or takes them from the cache; check only names them.</summary>
    private static PreparedPictures PreparePictures(string root, SiteGraph graph, bool encode)
    {
        var sources = graph.Pages.Where(p => p.Kind == PageKind.Company)
            .SelectMany(p => PictureFiles(p).Select(name => (Page: p, Name: name)))
            .Distinct()
            .ToList();
        var images = new ResponsiveImages(Path.Combine(root, ".cache", "images"));
        var prepared = sources.AsParallel().AsOrdered().Select(s => (s.Page, s.Name, Picture: images.Prepare(Path.Combine(s.Page.BundleDirectory, s.Name), encode))).ToList();
        var models = new Dictionary<string, PictureModel>(StringComparer.Ordinal);
        var originals = new List<string>();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (page, name, picture) in prepared)
        {
            var folder = Path.GetDirectoryName(name)!.Replace('\\', '/');
            var prefix = folder.Length == 0 ? "" : folder + "/";
            models[Path.Combine(page.BundleDirectory, name)] = new PictureModel(picture.Width, picture.Height,
                picture.Of("webp").Select(v => (v.Width, prefix + v.FileName)).ToList(),
                picture.Of(picture.FallbackFormat).Select(v => (v.Width, prefix + v.FileName)).ToList());
            originals.Add(page.Url.TrimStart('/') + name);
            foreach (var variant in picture.Variants) files[page.Url.TrimStart('/') + prefix + variant.FileName] = variant.CachedFile;
        }
        return new PreparedPictures(models, originals, files);
    }

    private static IEnumerable<string> PictureFiles(Page company)
    {
        if (company.Fields.GetValueOrDefault("logo") is string logo) yield return logo;
        foreach (var photo in (company.Fields.GetValueOrDefault("photos") as IEnumerable<object?>)?.OfType<IReadOnlyDictionary<string, object?>>() ?? [])
            if (photo.GetValueOrDefault("src") is string src) yield return src;
    }

    private static void ReportCollisions(List<RenderedPage> rendered, DiagnosticBag diagnostics)
    {
        foreach (var group in rendered.GroupBy(p => OutputPaths.FileForUrl(p.Url)).Where(g => g.Count() > 1))
        {
            var sources = group.Select(p => p.Source?.SourceFile).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            diagnostics.Error(sources.FirstOrDefault() ?? "content", 0, 0, "aliases",
                $"Het adres {group.Key} wordt door meer dan één pagina gebruikt ({string.Join(", ", sources)}). Kies een ander adres.");
        }
    }

    /// <summary>Names the content file (and, for links in the body, the line) behind each broken link.</summary>
    private static void ReportBrokenLinks(List<BrokenLink> broken, List<RenderedPage> rendered, DiagnosticBag diagnostics)
    {
        var sources = rendered.GroupBy(p => p.Url).ToDictionary(g => g.Key, g => g.First().Source);
        foreach (var link in broken.Distinct())
        {
            var source = sources.GetValueOrDefault(link.PageUrl);
            var bodyLink = source?.BodyLinks.FirstOrDefault(l => l.Url == link.Href);
            var message = $"De link naar '{link.Href}' op {link.PageUrl} verwijst naar een pagina of bestand dat niet bestaat. " +
                          "Controleer het adres, zoals /bedrijven/naam-van-de-map/.";
            diagnostics.Error(source?.SourceFile ?? "themes", bodyLink?.Line ?? 0, bodyLink?.Column ?? 0, null, message);
        }
    }

    private static BuildResult Fail(DiagnosticBag diagnostics) => new(diagnostics.Sorted(), 0, 0);
}
