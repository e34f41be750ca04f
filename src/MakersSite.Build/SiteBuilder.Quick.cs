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
    /// What a quick rebuild may allocate with collections paused: most of what it allocates (snapshot, outlines,
    /// search analysis, output manifest) stays live to its end, so collections would only copy it. Whether they
    /// pause is the <see cref="MemoryPolicy"/>'s to say; a bigger site collects again past this.
    /// </summary>
    private const long QuickAllocationBudget = 256L << 20;

    /// <summary>
    /// Builds whose snapshot the next build may trust: the plain build of the command line. serve keeps its own
    /// memory, check writes nothing, and tests that ask for the search index want it made.
    /// </summary>
    private static bool KeepsSnapshot(BuildOptions options) =>
        options is { UseCache: true, WriteOutput: true, Cache: null, LoadedPages: null, SearchMemo: null, PagesPublished: null, OpenPages: null, KeepSearchIndex: false };

    /// <summary>What a full build gathers for its snapshot while it renders.</summary>
    private sealed record SnapshotParts(IReadOnlyList<ArraySegment<byte>> Outlines, ConcurrentDictionary<string, string> PageKeys, IReadOnlyList<string> OutputPaths);

    /// <returns>The build's result, or null when the build must run in full (the output is as it was then).</returns>
    /// <param name="declined">Why the build must run in full (for tests and for anyone wondering).</param>
    private BuildResult? TryQuickRebuild(BuildOptions options, string root, BuildCache cache, string snapshotPath, string inputs, out string declined)
    {
        declined = "";
        // What does not depend on the edit starts at once on the other core: the search analysis, Fluid's grammar.
        var analysisKey = BuildCache.Hash(BuildCache.GeneratorStamp + "\nsearch analysis");
        var memoRead = Task.Run(() => ReadSearchAnalysis(cache, analysisKey));
        var warmedUp = Task.Run(TemplateEngine.WarmUp);
        var diagnostics = new DiagnosticBag();
        var loader = new ContentLoader(root, diagnostics, store: new CachedSources(cache));
        var settingsRead = Task.Run(loader.LoadSettings);
        var manifestPath = OutputManifest(root, options.OutputDirectory);
        Task<(IncrementalOutput Output, bool Unchanged)>? outputRead = null;
        Task? loadingPages = null;
        try
        {
            var snapshot = SiteSnapshot.Read(snapshotPath);
            if (snapshot is null || snapshot.Inputs != inputs || SiteSnapshot.Stamp("", manifestPath) != snapshot.Manifest) return Declined(out declined, "no snapshot of the previous build, other inputs, or the output manifest was rewritten");
            // Disposed without a commit (a fall back to the full build), the output takes away whatever it wrote.
            outputRead = Task.Run(() =>
            {
                var output = new IncrementalOutput(options.OutputDirectory, manifestPath, partial: true);
                return (output, output.PreviousFilesUnchanged());
            });
            if (ChangedContent(root, snapshot, out var contentNow) is not { } changedFiles) return Declined(out declined, "files or folders of content/ came or went");
            if (changedFiles.Count > QuickEditsAtMost) return Declined(out declined, "too many files changed");
            if (!StampsNow(options.OutputDirectory, snapshot.OutputFolders).SequenceEqual(snapshot.OutputFolders)) return Declined(out declined, "a folder of the output changed");

            // The changed pages load on one core while the others' outlines are decoded.
            var loading = Task.Run(() =>
            {
                var (siteConfig, vocabularies) = settingsRead.GetAwaiter().GetResult();
                return (Site: siteConfig, Vocabularies: vocabularies, Pages: siteConfig is null ? [] : changedFiles.Select(f => loader.LoadPageFile(f, vocabularies)).ToList());
            });
            loadingPages = loading;
            var outlines = snapshot.Outlines.Select(o => LoadedPageCodec.Decode(o)).ToList();
            var loaded = loading.GetAwaiter().GetResult();
            if (outlines.Any(p => p is null)) return Declined(out declined, "the snapshot holds a page it cannot decode");
            var pages = outlines.Select(p => p!).ToList();
            // Each changed file must be the index.md of a page whose outline decides every other page: not the home
            // page or a section's page (their folders hold the others), not a Rugzak page (the offline worker's cache
            // name follows their HTML). Messages, even warnings, are the full build's to report (this build could
            // not repeat the others').
            var changed = new List<int>();
            for (var i = 0; i < changedFiles.Count; i++)
            {
                var at = pages.FindIndex(p => p.SourceFile == changedFiles[i]);
                if (at < 0 || pages[at].Kind is PageKind.Home or PageKind.SectionList or PageKind.Topic) return Declined(out declined, "a changed file is not the text of a page other pages' outlines leave alone");
                if (loaded.Site is null || loaded.Pages[i] is not { } page || diagnostics.Sorted().Count > 0) return Declined(out declined, "the changed page does not load without messages");
                if (LoadedPageCodec.EncodeOutline(page) is not { } outline || !outline.AsSpan().SequenceEqual(snapshot.Outlines[at])) return Declined(out declined, "the outline of the changed page changed");
                pages[at] = page;
                changed.Add(at);
            }
            var content = new LoadedContent(root, loaded.Site!, loaded.Vocabularies, pages);
            if (options.BaseUrl is not null) content = content with { Site = content.Site with { BaseUrl = options.BaseUrl } };
            var graph = new SiteGraph(content, options.IncludeDrafts, options.EffectiveToday);
            var edited = changed.Select(at => pages[at]).ToHashSet(ReferenceEqualityComparer.Instance);
            if (graph.Pages.Count(edited.Contains) != edited.Count) return Declined(out declined, "a changed page is a draft");

            var themeDirectory = Path.Combine(root, "themes", content.Site.Theme);
            var templates = new TemplateEngine([Path.Combine(root, "layouts"), Path.Combine(themeDirectory, "layouts")]);
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
            var pictures = PreparePictures(root, graph, encode: true, diagnostics, only: edited.Contains);
            if (diagnostics.HasErrors) return Declined(out declined, "a picture cannot be read");

            log?.Invoke("renderen en nabewerken");
            var site = new SiteRenderer(graph, templates, shareImages, pictures.Models);
            var jobs = site.Jobs().Where(j => !j.IsRedirect && j.Source is { } source && edited.Contains(source)).ToList();
            var outputPaths = snapshot.OutputPaths.ToHashSet(StringComparer.Ordinal);
            string[] pageStamp = [BuildCache.GeneratorStamp, TemplatesStamp(root, themeDirectory), BuildCache.Hash(string.Join('\n', snapshot.OutputPaths))];
            var postProcessor = new PostProcessor(outputPaths.Contains, alwaysBuildTree: options.PostProcessWithTree);
            var searchDocuments = new SearchDocuments(graph);
            var finished = new List<(PageJob Job, string Key, FinishedPage Page)>();
            var fromCache = 0;
            warmedUp.GetAwaiter().GetResult();
            foreach (var job in jobs)
            {
                var (layout, model) = job.Model!();
                var key = ModelFingerprint.Of([.. pageStamp, job.Url, layout], model);
                var page = cache.ReadPage(key);
                if (page is not null) fromCache++;
                else
                {
                    var broken = new List<BrokenLink>();
                    var processed = postProcessor.Process(job.Url, site.Render(layout, model), broken, relativeLinks: true, searchText: SearchDocuments.Lists(job.Source!));
                    if (broken.Count > 0) return Declined(out declined, "the changed page has a broken link"); // the full build names them
                    page = new FinishedPage(processed.Html, processed.SearchText is { } t ? new SearchText(t.Title, t.Summary, t.Body) : null);
                    cache.WritePage(key, page);
                }
                finished.Add((job, key, page));
            }

            var (output, unchanged) = outputRead.GetAwaiter().GetResult();
            if (!unchanged) return Declined(out declined, "a file of the output changed");
            var searchMemo = memoRead.GetAwaiter().GetResult();
            var storedAnalyses = searchMemo.Documents;
            var search = new SearchIndexBuilder(keepTexts: false, deferAnalysis: false, searchMemo);
            var pageKeys = new Dictionary<string, string>(snapshot.PageKeys, StringComparer.Ordinal);
            foreach (var (job, key, page) in finished)
            {
                if (page.Text is not null) search.Add(searchDocuments.Document(job.Source!, page.Text), key);
                output.WriteText(OutputPaths.FileForUrl(job.Url), () => page.Html, fingerprint: "page:" + key);
                pageKeys[job.Url] = key;
            }
            // Every other document as the previous build analysed it: their pages and outlines are the same.
            if (!search.TryAddAllUnchanged(snapshot.SearchKey, jobs.Select(j => j.Url).ToHashSet(StringComparer.Ordinal)))
                return Declined(out declined, "the search analysis in the cache is not the previous build's");

            log?.Invoke("zoekindex");
            output.PlanCompletely(SearchIndexWriter.DataFolder);
            var searchKey = search.Key(BuildCache.GeneratorStamp);
            int searchFiles;
            try
            {
                searchFiles = WriteSearchIndex(search, searchKey, cache, output, options, out _, out _);
            }
            catch (InvalidDataException)
            {
                return Declined(out declined, "the build cache is damaged"); // the full build says so, or builds the index anew
            }

            log?.Invoke("schrijven");
            // The memo is written on the other core while the output and the snapshot are.
            var memoWritten = Task.Run(() =>
            {
                if (search.Analysed == 0 && searchMemo.Documents == storedAnalyses) return;
                using var entry = cache.Create("analysis", analysisKey);
                searchMemo.WriteTo(entry.Stream);
                entry.Commit();
            });
            File.Delete(snapshotPath); // the output is about to change: until the new snapshot is written, none holds
            output.Commit();
            // Only the folders of files this build wrote or removed changed their time.
            var touched = OutputFolders(output.Touched).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            var before = snapshot.OutputFolders.ToDictionary(f => f.Path, StringComparer.Ordinal);
            var folders = OutputFolders(output.Files)
                .Select(f => !touched.Contains(f.Path) && before.TryGetValue(f.Path, out var kept) ? kept : SiteSnapshot.Stamp(options.OutputDirectory, f.Path))
                .ToList();
            new SiteSnapshot
            {
                OutlinesId = snapshot.OutlinesId, Inputs = inputs, SearchKey = searchKey, Content = contentNow, Outlines = snapshot.Outlines,
                PageKeys = pageKeys, OutputPaths = snapshot.OutputPaths, OutputFolders = folders,
                Manifest = SiteSnapshot.Stamp("", manifestPath),
            }.Write(snapshotPath, everything: false, previous: snapshot);
            try
            {
                memoWritten.GetAwaiter().GetResult();
                // The memo now names the new data: the previous listing is of no use to any build (a full one prunes it too).
                if (searchKey != snapshot.SearchKey) cache.Delete("search", snapshot.SearchKey);
            }
            catch (InvalidDataException)
            {
                // Word numbers the memo read cannot decode: it stays as it was, names other data than the snapshot's,
                // and the next build is a full one that analyses every page again. The output is complete.
            }
            log?.Invoke("klaar");
            return new BuildResult([], snapshot.PageCount, snapshot.OutputPaths.Count + searchFiles)
            {
                QuickRebuild = true, PagesFromCache = snapshot.PageCount - jobs.Count + fromCache, SourcesFromCache = pages.Count - changed.Count,
                FilesWritten = output.Written, SearchDocumentsAnalysed = search.Analysed, SearchDataPatched = search.Patched,
                PagesKeptUnread = snapshot.PageCount - jobs.Count,
            };
        }
        finally
        {
            // Nothing may go on after the build returns: a declined one leaves the cache and the output to the full build.
            try
            {
                Task.WaitAll(new Task[] { memoRead, warmedUp, outputRead ?? Task.CompletedTask, loadingPages ?? Task.CompletedTask, settingsRead });
            }
            catch (AggregateException)
            {
            }
            if (outputRead is { IsCompletedSuccessfully: true }) outputRead.Result.Output.Dispose();
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

    /// <summary>
    /// The stamps of the same paths as they are now. On one core: a stamp is one system call, and spread over the
    /// thread pool, which the quick rebuild's other work keeps busy, 20,000 of them took three times as long.
    /// </summary>
    private static List<FileStamp> StampsNow(string root, IReadOnlyList<FileStamp> stamps)
    {
        var now = new List<FileStamp>(stamps.Count);
        foreach (var stamp in stamps) now.Add(SiteSnapshot.Stamp(root, stamp.Path));
        return now;
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
