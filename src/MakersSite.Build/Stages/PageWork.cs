using MakersSite.Build.Caching;
using MakersSite.Content.Model;
using MakersSite.Output;
using MakersSite.Rendering;

namespace MakersSite.Build.Stages;

/// <summary>
/// One page's way through render, post-process, page cache, search and output. The page cache wraps the work: a
/// page whose key (everything its HTML depends on) is in the cache is not rendered, and one whose search entry is
/// known too is not even read unless the output lacks it.
/// </summary>
internal sealed class PageWork
{
    private readonly BuildContext _c;
    private readonly List<PageJob> _jobs;
    private readonly BuildCache? _cache;
    private readonly IncrementalOutput? _output;
    private readonly PostProcessor _postProcessor;
    private readonly SearchDocuments _searchDocuments;
    private readonly string[] _pageStamp;
    private readonly List<BrokenLink>?[] _broken;

    public PageWork(BuildContext c)
    {
        _c = c;
        _jobs = c.Jobs;
        _cache = c.Cache;
        _output = c.Output;
        _postProcessor = c.PostProcessor = new PostProcessor(c.OutputPaths.Contains, alwaysBuildTree: c.Switches.PostProcessWithTree);
        _searchDocuments = new SearchDocuments(c.Graph!);
        // What every page's HTML depends on besides its own model: the generator, the templates, and the set of
        // files the link check and relative links are worked out against.
        _pageStamp = [BuildCache.GeneratorStamp, TemplatesStamp(c.Root, c.ThemeDirectory), BuildCache.Hash(string.Join('\n', c.SortedOutputPaths))];
        _broken = new List<BrokenLink>?[_jobs.Count];
        OfflinePages = new string?[_jobs.Count];
    }

    /// <summary>The HTML of the pages the offline worker keeps (the Rugzak pages), by job.</summary>
    public string?[] OfflinePages { get; }

    public List<BrokenLink> Broken => _broken.Where(b => b is not null).SelectMany(b => b!).ToList();

    /// <summary>
    /// Pages that list other pages (home, sections, taxonomy terms) run to megabytes on a big site and briefly take a
    /// hundred more as a DOM: they go first, while little else is in memory. serve's open pages go before them and
    /// out at once. The order of work changes nothing in the output.
    /// </summary>
    public void RenderAll()
    {
        _c.Changes.TemplatesWarm?.GetAwaiter().GetResult();
        var done = new bool[_jobs.Count];
        if (_c.Options.Serve?.Observer is { } observer && _output is not null) RenderOpenPagesFirst(observer, done);
        var order = Enumerable.Range(0, _jobs.Count).OrderBy(i => _jobs[i].Source?.Kind is null or PageKind.Home or PageKind.SectionList ? 0 : 1).ToArray();
        Parallel.For(0, _jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = _c.Cancel }, k =>
        {
            if (!done[order[k]]) Run(order[k]);
        });
    }

    /// <summary>Only when each open page rendered without a broken link; if the build fails after all, the output puts back what they replaced.</summary>
    private void RenderOpenPagesFirst(IBuildObserver observer, bool[] done)
    {
        var open = observer.OpenPages();
        if (open.Count == 0) return;
        var first = Enumerable.Range(0, _jobs.Count).Where(i => open.Contains(_jobs[i].Url)).ToList();
        foreach (var i in first)
        {
            Run(i);
            done[i] = true;
        }
        if (first.Count != open.Count || !first.All(i => _broken[i] is null or { Count: 0 })) return;
        _output!.PublishEarly(first.Select(i => OutputPaths.FileForUrl(_jobs[i].Url)));
        observer.OpenPagesPublished();
    }

    private void Run(int i)
    {
        var job = _jobs[i];
        if (job.IsRedirect)
        {
            _output?.WriteText(OutputPaths.FileForUrl(job.Url), _c.Renderer!.Render(job));
            return;
        }
        var (layout, model) = job.Model!();
        var key = ModelFingerprint.Of([.. _pageStamp, job.Url, layout], model);
        _c.PageKeys[job.Url] = key;
        var path = OutputPaths.FileForUrl(job.Url);
        var offline = job.Url.StartsWith("/rugzak/", StringComparison.Ordinal) || job.Url == "/mijn-rugzak/";
        if (!offline && TryKeepUnread(job, key, path, layout, model)) return;
        var cached = _cache?.ReadPage(key);
        var page = cached ?? Finish(job, _c.Renderer!.Render(layout, model), out _broken[i]);
        if (cached is not null) Interlocked.Increment(ref _c.Counters.FromCache);
        else if (_broken[i]!.Count == 0) _cache?.WritePage(key, page);
        if (job.Indexes is { } indexed && page.Text is not null)
        {
            _c.Search!.Add(_searchDocuments.Document(indexed, page.Text), key);
            foreach (var vacancy in _searchDocuments.Vacancies(indexed)) _c.Search.Add(vacancy, key);
        }
        if (offline) OfflinePages[i] = page.Html;
        // The key fixes the HTML, so it also tells the output whether the file is current, without hashing it.
        _output?.WriteText(path, () => page.Html, fingerprint: "page:" + key);
    }

    /// <summary>
    /// Unchanged, with the search entry the previous build took from it: not read, unless the output lacks the file
    /// (then from the cache, or rendered again should the cache fail to give it back). Not in a quick rebuild, whose
    /// pages are the edited ones.
    /// </summary>
    private bool TryKeepUnread(PageJob job, string key, string path, string layout, Dictionary<string, object?> model)
    {
        if (_c.Partial || _cache is null || _output is null || !_cache.KeepPage(key)) return false;
        if (job.Indexes is { } source && SearchDocuments.Lists(source)
            && !_c.Search!.TryAddUnchanged(key, job.Url, _searchDocuments.TypeOf(source), _searchDocuments.FacetsOf(source))) return false;
        Interlocked.Increment(ref _c.Counters.FromCache);
        Interlocked.Increment(ref _c.Counters.KeptUnread);
        _output.WriteText(path, () => _cache.ReadPage(key)?.Html ?? RenderAgain().Html, "page:" + key);
        return true;
        FinishedPage RenderAgain()
        {
            // The key fixes the HTML: rendered again it is the page the cache had, without broken links.
            var again = Finish(job, _c.Renderer!.Render(layout, model), out var againBroken);
            if (againBroken.Count == 0) _cache.WritePage(key, again);
            return again;
        }
    }

    /// <summary>A page rendered anew: post-processed, with its search text taken in the same pass.</summary>
    private FinishedPage Finish(PageJob job, string html, out List<BrokenLink> broken)
    {
        broken = [];
        var finished = _postProcessor.Process(job.Url, html, broken, relativeLinks: job.Url != "/404.html",
            searchText: job.Indexes is { } indexed && SearchDocuments.Lists(indexed));
        return new FinishedPage(finished.Html, finished.SearchText is { } t
            ? new SearchText(t.Title, t.Summary, t.Body) { Sections = [.. finished.Sections.Select(s => new Search.SearchSection(s.Offset, s.Anchor, s.Heading))] }
            : null);
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
}
