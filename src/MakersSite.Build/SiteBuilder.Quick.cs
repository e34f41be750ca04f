using System.Collections.Concurrent;
using MakersSite.Build.Caching;
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
/// The quick rebuild: when, since the previous build, only the texts of a few pages changed (their bodies; nothing
/// another page, a list, a share image or the sitemap shows of them), only those pages are loaded, rendered and
/// patched into the search data. Every other page is taken as the previous build's <see cref="SiteSnapshot"/>
/// describes it, without reading or modelling it, so such an edit costs about the same on ten pages as on ten
/// thousand. Whenever anything else changed, or anything cannot be checked, the build runs in full instead; either
/// way the output is the same byte for byte (tested against clean builds).
/// </summary>
public sealed partial class SiteBuilder
{
    /// <summary>More edited pages than this at once: the full build, whose search index is then remade anyway.</summary>
    private const int QuickEditsAtMost = 8;

    /// <summary>
    /// What a quick rebuild may allocate before the collector runs. It allocates ~30 KB per page of the site
    /// (snapshot, outlines, search analysis, output manifest), most of it kept to the end, and ends right after:
    /// collections only copy what is live. At 10,000 pages the GC's small gen0 budget (see the CLI project) made
    /// it collect 30 times, 0.25 s in all; without, it peaked at ~380 MB. A bigger site collects again past this.
    /// </summary>
    private const long QuickAllocationBudget = 256L << 20;

    /// <summary>
    /// Builds whose snapshot the next build may trust: the plain build of the command line. serve keeps its own
    /// memory, check writes nothing, and tests that ask for the search index want it made.
    /// </summary>
    private static bool KeepsSnapshot(BuildOptions options) =>
        options is { UseCache: true, WriteOutput: true, Cache: null, LoadedPages: null, SearchMemo: null, PagesPublished: null, OpenPages: null, KeepSearchIndex: false };

    /// <summary>What a full build gathers for its snapshot while it renders.</summary>
    private sealed record SnapshotParts(IReadOnlyList<byte[]> Outlines, ConcurrentDictionary<string, string> PageKeys, IReadOnlyList<string> OutputPaths, int PageCount);

    /// <returns>The build's result, or null when the build must run in full (nothing was changed then).</returns>
    /// <param name="declined">Why the build must run in full (for tests and for anyone wondering).</param>
    private BuildResult? TryQuickRebuild(BuildOptions options, string root, BuildCache cache, string snapshotPath, string inputs, out string declined)
    {
        declined = "";
        // Without a region (another build in this process holds one, or the runtime refuses), it collects as usual.
        var region = false;
        try
        {
            region = GC.TryStartNoGCRegion(QuickAllocationBudget);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
        }
        try
        {
            return QuickRebuild(options, root, cache, snapshotPath, inputs, out declined);
        }
        finally
        {
            // Allocating past the budget ended the region with a collection; otherwise it ends here.
            if (region && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
            {
                try
                {
                    GC.EndNoGCRegion();
                }
                catch (InvalidOperationException)
                {
                }
            }
        }
    }

    private BuildResult? QuickRebuild(BuildOptions options, string root, BuildCache cache, string snapshotPath, string inputs, out string declined)
    {
        declined = "";
        var snapshot = SiteSnapshot.Read(snapshotPath);
        var manifestPath = OutputManifest(root, options.OutputDirectory);
        if (snapshot is null || snapshot.Inputs != inputs || SiteSnapshot.Stamp("", manifestPath) != snapshot.Manifest) return Declined(out declined, "no snapshot of the previous build, other inputs, or the output manifest was rewritten");
        if (ChangedContent(root, snapshot, out var contentNow) is not { } changedFiles) return Declined(out declined, "files or folders of content/ came or went");
        if (changedFiles.Count > QuickEditsAtMost) return Declined(out declined, "too many files changed");
        if (StampsNow(options.OutputDirectory, snapshot.OutputFolders).SequenceEqual(snapshot.OutputFolders) is false) return Declined(out declined, "a folder of the output changed");

        // Each changed file must be the index.md of a page whose outline decides every other page: not the home
        // page or a section's page (their folders hold the others), not a Rugzak page (the offline worker's cache
        // name follows their HTML).
        var outlines = snapshot.Outlines.AsParallel().AsOrdered().Select(o => LoadedPageCodec.Decode(o)).ToList();
        if (outlines.Any(p => p is null)) return Declined(out declined, "the snapshot holds a page it cannot decode");
        var pages = outlines.Select(p => p!).ToList();
        var changed = new List<int>();
        foreach (var file in changedFiles)
        {
            var at = pages.FindIndex(p => p.SourceFile == file);
            if (at < 0 || pages[at].Kind is PageKind.Home or PageKind.SectionList or PageKind.Topic) return Declined(out declined, "a changed file is not the text of a page other pages' outlines leave alone");
            changed.Add(at);
        }

        var diagnostics = new DiagnosticBag();
        var loader = new ContentLoader(root, diagnostics, store: new CachedSources(cache));
        var (site, vocabularies) = loader.LoadSettings();
        foreach (var at in changed)
        {
            // Messages, even warnings, are the full build's to report (this build could not repeat the others').
            if (site is null || loader.LoadPageFile(pages[at].SourceFile, vocabularies) is not { } page || diagnostics.Sorted().Count > 0) return Declined(out declined, "the changed page does not load without messages");
            if (LoadedPageCodec.EncodeOutline(page) is not { } outline || !outline.AsSpan().SequenceEqual(snapshot.Outlines[at])) return Declined(out declined, "the outline of the changed page changed");
            pages[at] = page;
        }
        var content = new LoadedContent(root, site!, vocabularies, pages);
        if (options.BaseUrl is not null) content = content with { Site = content.Site with { BaseUrl = options.BaseUrl } };
        var graph = new SiteGraph(content, options.IncludeDrafts, options.EffectiveToday);

        var edited = changed.Select(at => pages[at]).ToHashSet(ReferenceEqualityComparer.Instance);
        if (graph.Pages.Count(edited.Contains) != edited.Count) return Declined(out declined, "a changed page is a draft"); // a draft: the full build decides

        var themeDirectory = Path.Combine(root, "themes", content.Site.Theme);
        var templates = new TemplateEngine([Path.Combine(root, "layouts"), Path.Combine(themeDirectory, "layouts")]);
        // Disposed without a commit (a fall back to the full build), it takes away whatever it wrote.
        using var output = new IncrementalOutput(options.OutputDirectory, manifestPath, partial: true);
        {
            if (!output.PreviousFilesUnchanged()) return Declined(out declined, "a file of the output changed");
            log?.Invoke("afbeeldingen");
            var fonts = SocialFonts.Load(Path.Combine(themeDirectory, "node_modules"), out _);
            if (fonts is null) return Declined(out declined, "the theme's fonts are missing");
            IReadOnlyDictionary<string, ShareImage> shareImages;
            using (fonts)
            {
                var renderer = new SiteRenderer(graph, templates);
                var cards = graph.Pages.Where(edited.Contains).Select(p => (p.Url, renderer.ShareCardOf(p))).ToList();
                shareImages = new SocialImages(Path.Combine(root, ".cache", "social"), new SocialImageRenderer(fonts)).Prepare(cards);
            }
            var pictures = PreparePictures(root, graph, encode: true, only: edited.Contains);

            log?.Invoke("renderen en nabewerken");
            var site2 = new SiteRenderer(graph, templates, shareImages, pictures.Models);
            var jobs = site2.Jobs().Where(j => !j.IsRedirect && j.Source is { } source && edited.Contains(source)).ToList();
            var outputPaths = snapshot.OutputPaths.ToHashSet(StringComparer.Ordinal);
            string[] pageStamp = [BuildCache.GeneratorStamp, TemplatesStamp(root, themeDirectory), BuildCache.Hash(string.Join('\n', snapshot.OutputPaths))];
            var postProcessor = new PostProcessor(outputPaths.Contains, alwaysBuildTree: options.PostProcessWithTree);
            var searchDocuments = new SearchDocuments(graph);
            var analysisKey = BuildCache.Hash(BuildCache.GeneratorStamp + "\nsearch analysis");
            var searchMemo = ReadSearchAnalysis(cache, analysisKey);
            var storedAnalyses = searchMemo.Documents;
            var search = new SearchIndexBuilder(keepTexts: false, deferAnalysis: false, searchMemo);
            var pageKeys = new Dictionary<string, string>(snapshot.PageKeys, StringComparer.Ordinal);
            var fromCache = 0;
            foreach (var job in jobs)
            {
                var (layout, model) = job.Model!();
                var key = ModelFingerprint.Of([.. pageStamp, job.Url, layout], model);
                var page = cache.ReadPage(key);
                if (page is not null) fromCache++;
                else
                {
                    var broken = new List<BrokenLink>();
                    var html0 = site2.Render(layout, model);
                    var finished = postProcessor.Process(job.Url, html0, broken, relativeLinks: true, searchText: SearchDocuments.Lists(job.Source!));
                    if (broken.Count > 0) return Declined(out declined, "the changed page has a broken link"); // the full build names them
                    page = new FinishedPage(finished.Html, finished.SearchText is { } t ? new SearchText(t.Title, t.Summary, t.Body) : null);
                    cache.WritePage(key, page);
                }
                if (page.Text is not null) search.Add(searchDocuments.Document(job.Source!, page.Text), key);
                output.WriteText(OutputPaths.FileForUrl(job.Url), () => page.Html, fingerprint: "page:" + key);
                pageKeys[job.Url] = key;
            }
            // Every other document as the previous build analysed it: their pages and outlines are the same.
            if (!search.TryAddAllUnchanged(snapshot.SearchKey, jobs.Select(j => j.Url).ToHashSet(StringComparer.Ordinal)))
                return Declined(out declined, "the search analysis in the cache is not the previous build's");
            log?.Invoke("zoekindex");
            output.PlanCompletely(SearchIndexWriter.DataFolder);
            int searchFiles;
            var searchKey = search.Key(BuildCache.GeneratorStamp);
            try
            {
                searchFiles = WriteSearchIndex(search, searchKey, cache, output, options, out _, out _);
            }
            catch (InvalidDataException)
            {
                return Declined(out declined, "the build cache is damaged"); // a damaged cache: the full build says so, or builds the index anew
            }
            if (search.Analysed > 0 || searchMemo.Documents != storedAnalyses)
            {
                using var entry = cache.Create("analysis", analysisKey);
                searchMemo.WriteTo(entry.Stream);
                entry.Commit();
            }
            // The memo now names the new data: the previous listing is of no use to any build (a full one prunes it too).
            if (searchKey != snapshot.SearchKey) cache.Delete("search", snapshot.SearchKey);
            cache.KeepPages(pageKeys.Values);

            log?.Invoke("schrijven");
            File.Delete(snapshotPath); // the output is about to change: until the new snapshot is written, none holds
            output.Commit();
            var folders = StampsNow(options.OutputDirectory, OutputFolders(output.Files));
            new SiteSnapshot
            {
                OutlinesId = snapshot.OutlinesId, Inputs = inputs, SearchKey = searchKey, Content = contentNow, Outlines = snapshot.Outlines,
                PageKeys = pageKeys, OutputPaths = snapshot.OutputPaths, PageCount = snapshot.PageCount, OutputFolders = folders,
                Manifest = SiteSnapshot.Stamp("", manifestPath),
            }.Write(snapshotPath, withOutlines: false);
            log?.Invoke("klaar");
            return new BuildResult([], snapshot.PageCount, snapshot.OutputPaths.Count + searchFiles)
            {
                QuickRebuild = true, PagesFromCache = snapshot.PageCount - jobs.Count + fromCache, SourcesFromCache = pages.Count - changed.Count,
                FilesWritten = output.Written, SearchDocumentsAnalysed = search.Analysed, SearchDataPatched = search.Patched,
                PagesKeptUnread = snapshot.PageCount - jobs.Count,
            };
        }
    }

    /// <summary>
    /// The content files whose size or time changed since the snapshot, with every stamp as it is now; null when
    /// a file or folder came or went (a folder whose time changed is listed again: editors that save through a
    /// temporary file change it without changing what it holds).
    /// </summary>
    private static List<string>? ChangedContent(string root, SiteSnapshot snapshot, out List<FileStamp> now)
    {
        now = StampsNow(root, snapshot.Content);
        var changed = new List<string>();
        var children = new Lazy<ILookup<string, string>>(() => snapshot.Content.Skip(1).ToLookup(s => s.Path[..s.Path.LastIndexOf('/')], s => s.Path));
        for (var i = 0; i < now.Count; i++)
        {
            var (before, after) = (snapshot.Content[i], now[i]);
            if (before == after) continue;
            if (before.IsFolder != after.IsFolder || after is { Size: 0, Ticks: 0 }) return null;
            if (!before.IsFolder)
            {
                changed.Add(before.Path);
                continue;
            }
            var listed = Directory.EnumerateFileSystemEntries(Path.Combine(root, before.Path))
                .Select(e => before.Path + "/" + Path.GetFileName(e)).Order(StringComparer.Ordinal);
            if (!listed.SequenceEqual(children.Value[before.Path].Order(StringComparer.Ordinal))) return null;
        }
        return changed;
    }

    private static BuildResult? Declined(out string declined, string why)
    {
        declined = why;
        return null;
    }

    /// <summary>The stamps of the same paths as they are now, asked on every core.</summary>
    private static List<FileStamp> StampsNow(string root, IReadOnlyList<FileStamp> stamps)
    {
        var now = new FileStamp[stamps.Count];
        Parallel.For(0, stamps.Count, i => now[i] = SiteSnapshot.Stamp(root, stamps[i].Path, stamps[i].IsFolder));
        return [.. now];
    }

    /// <summary>The output's folder and every folder holding one of its files, relative, sorted.</summary>
    private static List<FileStamp> OutputFolders(IEnumerable<string> files)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal) { "" };
        foreach (var file in files)
            for (var slash = file.LastIndexOf('/'); slash > 0 && folders.Add(file[..slash]); slash = file.LastIndexOf('/', slash - 1)) { }
        return folders.Select(f => new FileStamp(f, -1, 0)).ToList();
    }
}
