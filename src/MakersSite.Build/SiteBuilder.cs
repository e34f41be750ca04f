using System.Collections.Concurrent;
using System.Globalization;
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
/// Runs the build phases in order: load → validate → assemble → render → post-process → write.
/// Any error stops the build before the write phase puts anything into place.
/// </summary>
public sealed partial class SiteBuilder(Action<string>? log = null)
{
    public BuildResult Build(BuildOptions options)
    {
        var root = Path.GetFullPath(options.Root);
        // Taken before loading, since loaded pages come from the cache too; one build at a time uses it.
        var cache = options.UseCache ? options.Cache ?? new BuildCache(Path.Combine(root, ".cache", "build")) : null;
        if (cache?.BeginBuild(waiting: message => log?.Invoke(message)) == false) return CacheBusy(cache);
        // A build that was killed leaves its staged files beside the output, or a commit half done: this one starts from a whole output.
        if (options.WriteOutput) IncrementalOutput.Recover(options.OutputDirectory);
        BuildResult? result = null;
        var collectorStopped = false;
        try
        {
            if (cache is null || !KeepsSnapshot(options)) return result = Run(options, root, cache, snapshot: null);
            var snapshot = (Path: SiteSnapshot.PathFor(cache.Directory, OutputManifest(root, options.OutputDirectory)), Inputs: SiteSnapshot.InputsStamp(root, options));
            log?.Invoke("laden");
            var declined = "";
            // Only with a snapshot to try: the first build, or one with --full, is a full build from the start.
            collectorStopped = options.QuickRebuild && File.Exists(snapshot.Path) && options.Memory.PauseCollections(QuickAllocationBudget);
            result = options.QuickRebuild ? TryQuickRebuild(options, root, cache, snapshot.Path, snapshot.Inputs, out declined) : null;
            if (result is not null) return result;
            if (collectorStopped) options.Memory.ResumeCollections();
            collectorStopped = false;
            result = Run(options, root, cache, snapshot) with { QuickRebuildDeclined = declined };
            // A failed build put the output back as it was, but wrote and removed files in its folders meanwhile.
            if (!result.Succeeded) SiteSnapshot.RestampOutputFolders(snapshot.Path, OutputManifest(root, options.OutputDirectory), options.OutputDirectory);
            return result;
        }
        finally
        {
            // check names share images without drawing them, so its pages differ from a build's: it must not drop the
            // build's entries. A quick rebuild did not visit the entries of the pages it left alone: it keeps everything
            // (its index entries are appended, not written anew), and leaves the few it replaced to the next full build.
            cache?.EndBuild(prune: result is { Succeeded: true, QuickRebuild: false } && options.WriteOutput);
            if (collectorStopped) options.Memory.BuildEnded();
        }
    }

    /// <summary>What the phases after rendering need of it; the pages themselves are gone by then.</summary>
    private sealed record RenderedSite(IncrementalOutput? Output, int PageCount, int FileCount, int PagesFromCache, int SourcesFromCache, int SocialImagesDrawn, int PagesAsTree, int PagesTokenizedByAngleSharp)
    {
        public int PagesKeptUnread { get; init; }
        public SnapshotParts? Snapshot { get; init; }
    }

    /// <param name="snapshot">Where to keep what the next build needs for a quick rebuild, and the stamp of the inputs besides content/ (null: keep none).</param>
    private BuildResult Run(BuildOptions options, string root, BuildCache? cache, (string Path, string Inputs)? snapshot)
    {
        var diagnostics = new DiagnosticBag();
        List<FileStamp>? contentStamps = null;
        // The files are stamped before they are loaded, so one that changes while the build runs counts as changed next time.
        if (snapshot is not null) contentStamps = SiteSnapshot.Walk(root, "content");
        else log?.Invoke("laden");
        // The search analysis of the previous build: serve keeps it in memory, a build in the cache.
        var analysisKey = BuildCache.Hash(BuildCache.GeneratorStamp + "\nsearch analysis");
        var searchMemo = options.SearchMemo ?? (cache is null ? null : ReadSearchAnalysis(cache, analysisKey));
        var storedAnalyses = searchMemo?.Documents ?? 0;
        // Search documents are analysed as pages finish, so their texts need not be kept; serve defers that until it has sent the reload.
        var search = new SearchIndexBuilder(keepTexts: options.KeepSearchIndex, deferAnalysis: options.PagesPublished is not null, searchMemo);

        // Load, validate, assemble, draw images, render and post-process, in a method of their own: when it returns,
        // the loaded pages (their bodies are most of a big site's heap), the graph and the jobs can go, before the
        // index, the other memory-hungry phase.
        var rendered = RenderPages(options, root, cache, diagnostics, search, keepSnapshot: snapshot is not null);
        if (rendered is null) return Fail(diagnostics);
        using var output = rendered.Output;

        log?.Invoke("zoekindex");
        options.Memory.BetweenRenderAndIndex();
        var searchKey = search.Key(BuildCache.GeneratorStamp, options.SearchCores);
        SearchBundle? searchData;
        int searchFileCount;
        bool searchRebuilt;
        try
        {
            searchFileCount = WriteSearchIndex(search, searchKey, cache, output, options, out searchData, out searchRebuilt);
        }
        catch (InvalidDataException e)
        {
            diagnostics.Error(".cache/build", 0, 0, null, e.Message);
            return Fail(diagnostics);
        }

        // Kept for the next build when this one analysed something, dropped a document or made new search data (serve keeps its own).
        if (cache is not null && options.SearchMemo is null && searchMemo is not null && (search.Analysed > 0 || searchMemo.Documents != storedAnalyses || searchRebuilt))
        {
            using var entry = cache.Create("analysis", analysisKey);
            try
            {
                searchMemo.WriteTo(entry.Stream);
            }
            catch (InvalidDataException e)
            {
                diagnostics.Error(".cache/build", 0, 0, null, e.Message); // word numbers the memo read cannot decode
                return Fail(diagnostics);
            }
            entry.Commit();
        }

        if (output is not null)
        {
            log?.Invoke("schrijven");
            // A build that fails leaves the output, and so the snapshot that describes it; one that writes the output
            // removes it first, so a build that breaks off in the middle leaves none.
            if (snapshot is { } previous) File.Delete(previous.Path);
            output.Commit();
            // Only after a build without any message: a quick rebuild could not repeat another page's warnings.
            if (snapshot is { } next && rendered.Snapshot is { } parts && diagnostics.Sorted().Count == 0)
            {
                new SiteSnapshot
                {
                    Inputs = next.Inputs, SearchKey = searchKey, Content = contentStamps!, Outlines = parts.Outlines, PageKeys = parts.PageKeys,
                    OutputPaths = parts.OutputPaths,
                    OutputFolders = StampsNow(options.OutputDirectory, OutputFolders(output.Files)),
                    Manifest = SiteSnapshot.Stamp("", OutputManifest(root, options.OutputDirectory)),
                }.Write(next.Path, everything: true);
            }
        }
        log?.Invoke("klaar");
        return new BuildResult(diagnostics.Sorted(), rendered.PageCount, rendered.FileCount + searchFileCount) {
            Search = searchData, SocialImagesDrawn = rendered.SocialImagesDrawn, PagesFromCache = rendered.PagesFromCache,
            FilesWritten = output?.Written ?? 0, SourcesFromCache = rendered.SourcesFromCache, SearchDocumentsAnalysed = search.Analysed, SearchDataPatched = search.Patched, PagesKeptUnread = rendered.PagesKeptUnread,
            PagesPostProcessedAsTree = rendered.PagesAsTree, PagesTokenizedByAngleSharp = rendered.PagesTokenizedByAngleSharp,
        };
    }

    /// <returns>Null when the build failed (the messages are in <paramref name="diagnostics"/>).</returns>
    private RenderedSite? RenderPages(BuildOptions options, string root, BuildCache? cache, DiagnosticBag diagnostics, SearchIndexBuilder search, bool keepSnapshot)
    {
        var loader = new ContentLoader(root, diagnostics, options.LoadedPages, cache is null ? null : new CachedSources(cache, readBack: !options.ReadEverySource));
        var content = loader.Load();

        log?.Invoke("controleren");
        var today = options.EffectiveToday;
        if (content is not null)
        {
            CrossReferenceValidator.Validate(content.Pages, diagnostics);
            Freshness.Check(content.Pages, today, diagnostics);
        }
        if (content is null || diagnostics.HasErrors) return null;
        if (options.BaseUrl is not null) content = content with { Site = content.Site with { BaseUrl = options.BaseUrl } };

        log?.Invoke("samenstellen");
        var graph = new SiteGraph(content, options.IncludeDrafts, today);
        var theme = content.Site.Theme;
        var themeDirectory = Path.Combine(root, "themes", theme);
        if (!Directory.Exists(themeDirectory))
        {
            diagnostics.Error("content/site.yml", 0, 0, "theme", $"Het thema '{content.Site.Theme}' bestaat niet: de map themes/{content.Site.Theme}/ ontbreekt.");
            return null;
        }

        var assets = ThemeAssets.Read(themeDirectory, content.Site.Theme, diagnostics);
        if (diagnostics.HasErrors) return null;

        log?.Invoke("afbeeldingen");
        var fonts = SocialFonts.Load(Path.Combine(themeDirectory, "node_modules"), out var missingFont);
        if (fonts is null)
        {
            diagnostics.Error($"themes/{content.Site.Theme}/package.json", 0, 0, null,
                $"Het lettertype {Path.GetRelativePath(root, missingFont!)} ontbreekt. Installeer de pakketten van het thema: " +
                $"voer 'npm ci' uit in themes/{content.Site.Theme} (dotnet build doet dat vanzelf).");
            return null;
        }
        var templates = new TemplateEngine([Path.Combine(root, "layouts"), Path.Combine(themeDirectory, "layouts")]);
        SocialImages socialImages;
        IReadOnlyDictionary<string, ShareImage> shareImages;
        using (fonts)
        {
            socialImages = new SocialImages(Path.Combine(root, ".cache", "social"), new SocialImageRenderer(fonts));
            shareImages = socialImages.Prepare(new SiteRenderer(graph, templates).ShareCards().ToList(), draw: options.WriteOutput);
        }

        var pictures = PreparePictures(root, graph, encode: options.WriteOutput, diagnostics);
        if (diagnostics.HasErrors) return null;

        var renderer = new SiteRenderer(graph, templates, shareImages, pictures.Models);
        List<PageJob> jobs;
        try
        {
            jobs = renderer.Jobs().ToList();
        }
        catch (TemplateException e)
        {
            return TemplateFailure(e);
        }

        var files = CollectFiles(root, themeDirectory, assets, graph);
        foreach (var (path, source) in socialImages.Files) files[path] = source;
        var generated = new HashSet<string>(socialImages.Files.Keys.Concat(pictures.Files.Keys), StringComparer.Ordinal);
        // Photos and logos are shipped resized only, never as the member's original file.
        foreach (var original in pictures.Originals) files.Remove(original);
        foreach (var (path, source) in pictures.Files) files[path] = source;
        var outputPaths = new HashSet<string>(files.Keys, StringComparer.Ordinal);
        foreach (var job in jobs) outputPaths.Add(OutputPaths.FileForUrl(job.Url));
        var discovery = new DiscoveryFiles(graph).All(jobs.Where(j => !j.IsRedirect).Select(j => j.Url)).ToList();
        foreach (var (path, _) in discovery) outputPaths.Add(path);
        ReportCollisions(jobs, diagnostics);
        if (diagnostics.HasErrors) return null;

        // Pages stream through render → post-process → output on every core; only what later phases need stays in
        // memory (search text, the Rugzak pages for the offline worker). Replaced files stay staged until the commit
        // at the end and a failed build removes what it wrote, so public/ is untouched unless the build succeeds.
        log?.Invoke("renderen en nabewerken");
        // Handed to the caller when pages were rendered; a failed build disposes it here, removing what it wrote.
        var output = options.WriteOutput ? new IncrementalOutput(options.OutputDirectory, OutputManifest(root, options.OutputDirectory)) : null;
        var handedOver = false;
        try
        {
            var postProcessor = new PostProcessor(outputPaths.Contains, alwaysBuildTree: options.PostProcessWithTree);
            var searchDocuments = new SearchDocuments(graph);
            var broken = new List<BrokenLink>[jobs.Count];
            var offlinePages = new string?[jobs.Count];
            // What every page's HTML depends on besides its own model: the generator, the templates, and the set of
            // files the link check and relative links are worked out against.
            string[] pageStamp = [BuildCache.GeneratorStamp, TemplatesStamp(root, themeDirectory), BuildCache.Hash(string.Join('\n', outputPaths.Order(StringComparer.Ordinal)))];
            var fromCache = 0;
            var keptUnread = 0;
            var pageKeys = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            // A page rendered anew: post-processed, with its search text taken in the same pass.
            FinishedPage Finish(PageJob job, string html, out List<BrokenLink> pageBroken)
            {
                pageBroken = [];
                var finished = postProcessor.Process(job.Url, html, pageBroken, relativeLinks: job.Url != "/404.html",
                    searchText: job.Source is not null && SearchDocuments.Lists(job.Source));
                return new FinishedPage(finished.Html, finished.SearchText is { } t ? new SearchText(t.Title, t.Summary, t.Body) : null);
            }
            try
            {
                // Pages that list other pages (home, sections, taxonomy terms) run to megabytes on a big site and briefly
                // take a hundred more as a DOM. They go first, while little else is in memory, so that peak does not come
                // on top of the search data gathered by the end. The order of work changes nothing in the output.
                var order = Enumerable.Range(0, jobs.Count).OrderBy(i => jobs[i].Source?.Kind is null or PageKind.Home or PageKind.SectionList ? 0 : 1).ToArray();
                void RunJob(int i)
                {
                    var job = jobs[i];
                    if (job.IsRedirect)
                    {
                        output?.WriteText(OutputPaths.FileForUrl(job.Url), renderer.Render(job));
                        return;
                    }
                    var (layout, model) = job.Model!();
                    var key = ModelFingerprint.Of([.. pageStamp, job.Url, layout], model);
                    if (keepSnapshot) pageKeys[job.Url] = key;
                    var path = OutputPaths.FileForUrl(job.Url);
                    // Unchanged, with the search entry the previous build took from it: not read, unless the output lacks
                    // the file (then from the cache, or rendered again should the cache fail to give it back).
                    var offline = job.Url.StartsWith("/rugzak/", StringComparison.Ordinal) || job.Url == "/mijn-rugzak/";
                    if (cache is not null && output is not null && !offline && cache.KeepPage(key)
                        && (job.Source is not { } source || !SearchDocuments.Lists(source)
                            || search.TryAddUnchanged(key, job.Url, searchDocuments.TypeOf(source), searchDocuments.FacetsOf(source))))
                    {
                        Interlocked.Increment(ref fromCache);
                        Interlocked.Increment(ref keptUnread);
                        output.WriteText(path, () => cache.ReadPage(key)?.Html ?? RenderAgain().Html, "page:" + key);
                        return;
                        FinishedPage RenderAgain()
                        {
                            // The key fixes the HTML: rendered again it is the page the cache had, without broken links.
                            var again = Finish(job, renderer.Render(layout, model), out var againBroken);
                            if (againBroken.Count == 0) cache.WritePage(key, again);
                            return again;
                        }
                    }
                    var cached = cache?.ReadPage(key);
                    var page = cached ?? Finish(job, renderer.Render(layout, model), out broken[i]);
                    if (cached is not null) Interlocked.Increment(ref fromCache);
                    else if (broken[i].Count == 0) cache?.WritePage(key, page);
                    if (job.Source is not null && page.Text is not null) search.Add(searchDocuments.Document(job.Source, page.Text), key);
                    if (offline) offlinePages[i] = page.Html;
                    // The key fixes the HTML, so it also tells the output whether the file is current, without hashing it.
                    output?.WriteText(path, () => page.Html, fingerprint: "page:" + key);
                }

                // serve: the pages open in a browser go first and out at once, so the edit shows while the rest builds.
                // Only when each of them rendered without a broken link; if the build fails after all, the output
                // puts back what they replaced.
                var done = new bool[jobs.Count];
                var open = options.OpenPagesPublished is null || output is null ? null : options.OpenPages?.Invoke();
                if (open is { Count: > 0 })
                {
                    var first = Enumerable.Range(0, jobs.Count).Where(i => open.Contains(jobs[i].Url)).ToList();
                    foreach (var i in first)
                    {
                        RunJob(i);
                        done[i] = true;
                    }
                    if (first.Count == open.Count && first.All(i => broken[i] is null or { Count: 0 }))
                    {
                        output!.PublishEarly(first.Select(i => OutputPaths.FileForUrl(jobs[i].Url)));
                        options.OpenPagesPublished!();
                    }
                }
                Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
                {
                    if (!done[order[k]]) RunJob(order[k]);
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is TemplateException) is TemplateException templateError)
            {
                return TemplateFailure(templateError);
            }
            catch (TemplateException e)
            {
                return TemplateFailure(e); // an open page, rendered before the others
            }

            ReportBrokenLinks(broken.Where(b => b is not null).SelectMany(b => b), jobs, diagnostics);
            if (diagnostics.HasErrors) return null;

            // The offline worker's cache name follows the Rugzak pages and the files they use.
            string[] offlineAssets = ["css/site.css", "js/site.js", "js/rugzak.js", "img/vlag.svg", "fonts/inter-latin-400-normal.woff2", "fonts/inter-latin-700-normal.woff2"];
            var offlineHash = OfflineFiles.Hash(offlinePages.OfType<string>()
                .Concat(offlineAssets.Where(files.ContainsKey).Select(a => File.ReadAllText(files[a]))));
            var serviceWorker = OfflineFiles.Worker(graph, offlineAssets.Where(files.ContainsKey), offlineHash);

            if (output is not null)
            {
                foreach (var (relative, source) in files)
                {
                    // Share images and resized pictures are cache entries nobody edits: linked, not copied.
                    if (generated.Contains(relative)) output.LinkFile(source, relative);
                    else output.CopyFile(source, relative);
                }
                foreach (var (path, text) in discovery) output.WriteText(path, text);
                output.WriteText(OfflineFiles.ServiceWorker, serviceWorker);
                if (options.PagesPublished is not null)
                {
                    output.Publish();
                    options.PagesPublished();
                }
            }

            handedOver = true;
            var pageCount = jobs.Count(j => !j.IsRedirect);
            var outlines = keepSnapshot ? content.Pages.AsParallel().AsOrdered().Select(LoadedPageCodec.EncodeOutline).ToList() : null;
            return new RenderedSite(output, pageCount, outputPaths.Count, fromCache, loader.PagesFromStore, socialImages.Drawn, postProcessor.PagesAsTree, postProcessor.PagesTokenizedByAngleSharp)
            {
                PagesKeptUnread = keptUnread,
                // A page the codec cannot hold (a value of another type) leaves the next build without a quick rebuild.
                Snapshot = outlines is null || outlines.Any(o => o is null) ? null
                    : new SnapshotParts(outlines.Select(o => new ArraySegment<byte>(o!)).ToList(), pageKeys, outputPaths.Order(StringComparer.Ordinal).ToList()),
            };
        }
        finally
        {
            if (!handedOver) output?.Dispose();
        }

        RenderedSite? TemplateFailure(TemplateException e)
        {
            diagnostics.Error($"themes/{theme}/layouts", 0, 0, null, e.Message);
            return null;
        }
    }

    /// <summary>
    /// Unchanged text everywhere means the same files, which the cache lists by content hash. After a small edit the
    /// builder patches the previous build's files (read back from the cache) where the edited documents' terms are;
    /// otherwise it makes the whole index. Only files that came out different are stored again, and each file goes
    /// straight to the output as it comes, so the index is never held whole, and a file the output already has is not even read.
    /// </summary>
    /// <returns>How many files the index has.</returns>
    private static int WriteSearchIndex(SearchIndexBuilder search, string searchKey, BuildCache? cache, IncrementalOutput? output,
        BuildOptions options, out SearchBundle? searchData, out bool rebuilt)
    {
        static string OutputPath(string path) => $"{SearchIndexWriter.DataFolder}/{path}";
        searchData = null;
        rebuilt = false;
        // Every file the output lacks must come out of the pack intact; a damaged one makes the listing a miss (all
        // are tried, so a rebuild stores each damaged file anew), and the index is built again.
        if (cache is not null && ReadSearchListing(cache, searchKey) is { } listing
            && listing.Count(f => output is not null && !output.HasBytes(OutputPath(f.Path), f.Hash) && cache.ReadSearchFile(f.Hash) is null) == 0)
        {
            foreach (var (path, hash) in listing)
            {
                cache.KeepSearchFile(hash);
                output?.WriteBytes(OutputPath(path), hash, () => cache.ReadSearchFile(hash) ?? throw new InvalidDataException(
                    $"De bouwcache is beschadigd: het zoekindexbestand {path} kan niet gelezen worden. Verwijder de map .cache/build en bouw opnieuw."));
            }
            return listing.Count;
        }

        rebuilt = true;
        // The previous build's files, for patching them; not when the caller wants the whole index (tests).
        // Like a listing hit, only when every file the output lacks comes out of the pack intact.
        var previousListing = cache is not null && !options.KeepSearchIndex && search.PreviousDataKey is { } previousKey
            && ReadSearchListing(cache, previousKey) is { } before
            && before.All(f => output is null || output.HasBytes(OutputPath(f.Path), f.Hash) || cache.ReadSearchFile(f.Hash) is not null)
            ? before.ToDictionary(f => f.Path, f => f.Hash, StringComparer.Ordinal) : null;
        var previous = previousListing is null ? null : new PreviousSearchFiles(previousListing,
            path => cache!.ReadSearchFile(previousListing[path]) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null);
        var files = new List<(string Path, string Hash)>();
        // From every core: putting a file into the output (hash, compare, write) costs about what making it does.
        var written = search.Write(file =>
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(file.Text);
            var hash = IncrementalOutput.ContentHash(bytes);
            output?.WriteBytes(OutputPath(file.Path), hash, () => bytes);
            cache?.WriteSearchFile(hash, bytes);
            lock (files) files.Add((file.Path, hash));
        }, options.SearchCores, emitConcurrently: true, previous);
        foreach (var path in written.Kept)
        {
            var hash = previousListing![path];
            cache!.KeepSearchFile(hash);
            output?.WriteBytes(OutputPath(path), hash, () => cache.ReadSearchFile(hash) ?? throw new InvalidDataException(
                $"De bouwcache is beschadigd: het zoekindexbestand {path} kan niet gelezen worden. Verwijder de map .cache/build en bouw opnieuw."));
            files.Add((path, hash));
        }
        if (options.KeepSearchIndex) searchData = written;
        if (cache is not null)
        {
            // Entry: the number of files, then each file's path and hash, in path order (files come in any order).
            using var entry = cache.Create("search", searchKey);
            using (var writer = new BinaryWriter(entry.Stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(files.Count);
                foreach (var (path, hash) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
                {
                    writer.Write(path);
                    writer.Write(hash);
                }
            }
            entry.Commit();
        }
        return files.Count;
    }

    /// <summary>The index's files by path and content hash, or null when the listing or any file it names is not in the cache.</summary>
    private static List<(string Path, string Hash)>? ReadSearchListing(BuildCache cache, string key)
    {
        using var stream = cache.OpenRead("search", key);
        if (stream is null) return null;
        try
        {
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8);
            var count = reader.ReadInt32();
            var files = new List<(string Path, string Hash)>(count);
            for (var i = 0; i < count; i++)
            {
                var file = (reader.ReadString(), reader.ReadString());
                if (!cache.HasSearchFile(file.Item2)) return null;
                files.Add(file);
            }
            return files.Count > 0 ? files : null;
        }
        catch (IOException)
        {
            return null; // cut short (EndOfStreamException is an IOException): a miss
        }
    }

    private static SearchAnalysisMemo ReadSearchAnalysis(BuildCache cache, string key)
    {
        using var stream = cache.OpenRead("analysis", key);
        return (stream is null ? null : SearchAnalysisMemo.ReadFrom(stream)) ?? new SearchAnalysisMemo();
    }

    /// <summary>A fingerprint of every layout file of the site and its theme, by path and content.</summary>
    private static string TemplatesStamp(string root, string themeDirectory)
    {
        var text = new System.Text.StringBuilder();
        foreach (var directory in new[] { Path.Combine(root, "layouts"), Path.Combine(themeDirectory, "layouts") })
        {
            if (!Directory.Exists(directory)) continue;
            foreach (var file in Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                text.Append(file).Append('\0').Append(BuildCache.Hash(File.ReadAllText(file))).Append('\n');
        }
        return BuildCache.Hash(text.ToString());
    }

    /// <summary>What the last build wrote into an output directory; kept in the cache, one file per output directory.</summary>
    private static string OutputManifest(string root, string outputDirectory)
    {
        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(outputDirectory))))[..16];
        return Path.Combine(root, ".cache", "build", $"output-{key}.tsv");
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
        foreach (var page in graph.Pages.Concat(graph.SectionIntros.Values))
        {
            foreach (var name in page.BundleFiles)
                files[page.Url.TrimStart('/') + name] = Path.Combine(page.BundleDirectory, name);
        }
        return files;
    }

    private sealed record PreparedPictures(IReadOnlyDictionary<string, PictureModel> Models, IReadOnlyList<string> Originals, IReadOnlyDictionary<string, string> Files);

    /// <summary>Resizes every logo and photo of the published companies, or takes them from the cache; check only names them.</summary>
    /// <param name="only">The companies whose pictures are wanted (a quick rebuild: the edited ones); null: all.</param>
    /// <param name="diagnostics">Told of a file SkiaSharp cannot read, at the field that names it.</param>
    private static PreparedPictures PreparePictures(string root, SiteGraph graph, bool encode, DiagnosticBag diagnostics, Func<Page, bool>? only = null)
    {
        var sources = graph.Pages.Where(p => p.Kind == PageKind.Company && (only is null || only(p)))
            .SelectMany(p => PictureFiles(p).Select(f => (Page: p, f.Name, f.Field)))
            .DistinctBy(s => (s.Page, s.Name))
            .ToList();
        var images = new ResponsiveImages(Path.Combine(root, ".cache", "images"));
        var prepared = sources.AsParallel().AsOrdered().Select(s => (s.Page, s.Name, s.Field, Picture: images.Prepare(Path.Combine(s.Page.BundleDirectory, s.Name), encode))).ToList();
        var models = new Dictionary<string, PictureModel>(StringComparer.Ordinal);
        var originals = new List<string>();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (page, name, field, picture) in prepared)
        {
            if (picture is null)
            {
                var position = page.FieldPositions.GetValueOrDefault(field);
                diagnostics.Error(page.SourceFile, position.Line, position.Column, field,
                    $"'{name}' kan niet als afbeelding gelezen worden: het bestand is beschadigd of onvolledig. Sla het opnieuw op als PNG, JPEG, WebP of GIF.");
                continue;
            }
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

    /// <summary>The pictures a company's fields name, with the field's path for messages.</summary>
    private static IEnumerable<(string Name, string Field)> PictureFiles(Page company)
    {
        if (company.Fields.GetValueOrDefault("logo") is string logo) yield return (logo, "logo");
        var index = 0;
        foreach (var photo in (company.Fields.GetValueOrDefault("photos") as IEnumerable<object?>)?.OfType<IReadOnlyDictionary<string, object?>>() ?? [])
        {
            if (photo.GetValueOrDefault("src") is string src) yield return (src, $"photos[{index}].src");
            index++;
        }
    }

    private static void ReportCollisions(List<PageJob> jobs, DiagnosticBag diagnostics)
    {
        foreach (var group in jobs.GroupBy(p => OutputPaths.FileForUrl(p.Url)).Where(g => g.Count() > 1))
        {
            var sources = group.Select(p => p.Source?.SourceFile).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            diagnostics.Error(sources.FirstOrDefault() ?? "content", 0, 0, "aliases",
                $"Het adres {group.Key} wordt door meer dan één pagina gebruikt ({string.Join(", ", sources)}). Kies een ander adres.");
        }
    }

    /// <summary>Names the content file (and, for links in the body, the line) behind each broken link.</summary>
    private static void ReportBrokenLinks(IEnumerable<BrokenLink> broken, List<PageJob> jobs, DiagnosticBag diagnostics)
    {
        var sources = jobs.GroupBy(p => p.Url).ToDictionary(g => g.Key, g => g.First().Source);
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

    private static BuildResult CacheBusy(BuildCache cache)
    {
        var diagnostics = new DiagnosticBag();
        var patience = cache.LockPatience.TotalSeconds >= 60
            ? $"{cache.LockPatience.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)} minuten"
            : $"{cache.LockPatience.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',')} seconden";
        diagnostics.Error(".cache/build/lock", 0, 0, null,
            $"De bouwcache (.cache/build) bleef {patience} in gebruik door een andere build of 'serve'. " +
            "Deze build is gestopt zonder iets te veranderen: stop de andere of wacht tot die klaar is, en probeer het opnieuw.");
        return Fail(diagnostics);
    }
}
