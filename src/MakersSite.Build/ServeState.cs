using MakersSite.Build.Caching;
using MakersSite.Content.Loading;
using MakersSite.Search;

namespace MakersSite.Build;

/// <summary>What serve keeps in memory from one build to the next, and whom it tells what a build has put out.</summary>
/// <param name="Cache">The build cache, with finished pages kept in memory.</param>
/// <param name="LoadedPages">Pages loaded by earlier builds, reused while their files are unchanged.</param>
/// <param name="SearchMemo">The search analysis of earlier builds: documents that did not change are not analysed again.</param>
/// <param name="SearchCores">Cores the search index may use once the pages are out (all but one, so the reloading browser is not kept waiting).</param>
public sealed record ServeState(BuildCache Cache, LoadedPageMemo LoadedPages, SearchAnalysisMemo SearchMemo, int SearchCores)
{
    /// <summary>Told when the open pages and then all pages are in the output.</summary>
    public IBuildObserver Observer { get; init; } = new NoObserver();

    private sealed class NoObserver : IBuildObserver
    {
        public IReadOnlySet<string> OpenPages() => new HashSet<string>();
        public void OpenPagesPublished() { }
        public void PagesPublished() { }
    }
}

/// <summary>serve's view of a build in progress: which pages to put out first, and when pages are out.</summary>
public interface IBuildObserver
{
    /// <summary>The addresses of the pages open in a browser: rendered before all others and put in the output at once.</summary>
    IReadOnlySet<string> OpenPages();

    /// <summary>The open pages are in the output; the rest of the site is still being built.</summary>
    void OpenPagesPublished();

    /// <summary>Every page and file is in the output; the search index follows (the browser can reload now).</summary>
    void PagesPublished();
}
