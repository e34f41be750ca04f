namespace MakersSite.Build;

/// <param name="Root">The site directory holding content/ and themes/.</param>
/// <param name="Output">Where the site is written; defaults to Root/public.</param>
/// <param name="BaseUrl">Overrides baseUrl from content/site.yml (for previews and forks).</param>
/// <param name="IncludeDrafts">Publish pages marked draft: true.</param>
/// <param name="WriteOutput">False for check: run every phase, write nothing.</param>
/// <param name="Today">The date that decides which vacancies have expired; see <see cref="DefaultToday"/>.</param>
/// <param name="UseCache">Reuse and fill the build cache in .cache/build/ (false: build everything anew, for comparisons).</param>
public sealed record BuildOptions(
    string Root,
    string? Output = null,
    string? BaseUrl = null,
    bool IncludeDrafts = false,
    bool WriteOutput = true,
    DateOnly? Today = null,
    bool UseCache = true)
{
    /// <summary>The build cache to use instead of opening .cache/build/ anew (serve keeps one, with pages in memory).</summary>
    public Caching.BuildCache? Cache { get; init; }

    /// <summary>Pages loaded by earlier builds of the same process (serve), reused while their files are unchanged.</summary>
    public Content.Loading.LoadedPageMemo? LoadedPages { get; init; }

    /// <summary>The search analysis of earlier builds of the same process (serve): documents that did not change are not analysed again.</summary>
    public Search.SearchAnalysisMemo? SearchMemo { get; init; }

    /// <summary>
    /// Called once the pages and files are in the output, before the search index is built (serve reloads the
    /// browser then, so an edit shows without waiting for the index).
    /// </summary>
    public Action? PagesPublished { get; init; }

    /// <summary>
    /// The addresses of the pages open in a browser (serve): rendered before all others and put in the output at
    /// once, after which <see cref="OpenPagesPublished"/> is called.
    /// </summary>
    public Func<IReadOnlySet<string>>? OpenPages { get; init; }

    /// <summary>Called once the open pages are in the output, while the rest of the site is still being built.</summary>
    public Action? OpenPagesPublished { get; init; }

    /// <summary>Cores the search index may use after <see cref="PagesPublished"/> (serve: all but one, so the reloading browser is not kept waiting).</summary>
    public int? SearchCores { get; init; }

    /// <summary>
    /// Post-process every page through a whole DOM, as pages the tokens cannot take are (for comparisons: the two
    /// ways must give the same site).
    /// </summary>
    public bool PostProcessWithTree { get; init; }

    /// <summary>
    /// Return the search index and the texts it was made from in <see cref="BuildResult.Search"/> (conformance tests).
    /// Off by default: on a big site that is hundreds of megabytes nothing else needs.
    /// </summary>
    public bool KeepSearchIndex { get; init; }

    /// <summary>
    /// Let a build after an edit of a few pages' texts redo only those pages (see SiteBuilder's quick rebuild); off:
    /// always the full build (the command line's --full, and tests of the full build's own reuse of the cache).
    /// </summary>
    public bool QuickRebuild { get; init; } = true;

    /// <summary>Read and check every source file instead of trusting the cache's sizes and times (the command line's --full).</summary>
    public bool ReadEverySource { get; init; }

    /// <summary>How memory is handled between stages; the command line, which owns its process, hands in its own.</summary>
    public MemoryPolicy Memory { get; init; } = MemoryPolicy.None;

    public string OutputDirectory => Path.GetFullPath(Output ?? Path.Combine(Root, "public"));

    public DateOnly EffectiveToday => Today ?? DefaultToday();

    /// <summary>
    /// Today's date in the Netherlands, or the date of SOURCE_DATE_EPOCH when set: the reproducible-builds
    /// convention, so a rebuild of an old commit gives the same public/ byte for byte.
    /// </summary>
    public static DateOnly DefaultToday()
    {
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        var instant = long.TryParse(epoch, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UtcNow;
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, amsterdam).DateTime);
    }
}
