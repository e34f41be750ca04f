using System.Collections.Concurrent;
using MakersSite.Build.Caching;
using MakersSite.Build.Changes;
using MakersSite.Content.Assembly;
using MakersSite.Content.Diagnostics;
using MakersSite.Content.Loading;
using MakersSite.Content.Model;
using MakersSite.Output;
using MakersSite.Rendering;
using MakersSite.Search;

namespace MakersSite.Build;

/// <summary>
/// What the stages of one build hand each other: each stage reads what the ones before it set and sets its own
/// part. A stage that finds an error adds it to <see cref="Diagnostics"/>, and the build stops after that stage.
/// </summary>
internal sealed class BuildContext(BuildOptions options, BuildTestSwitches switches, Action<string>? log, CancellationToken cancel)
{
    public BuildOptions Options { get; } = options;
    public BuildTestSwitches Switches { get; } = switches;
    public CancellationToken Cancel { get; } = cancel;
    public string Root { get; } = Path.GetFullPath(options.Root);
    public DateOnly Today { get; } = options.Today ?? BuildDate.Default();
    public DiagnosticBag Diagnostics { get; } = new();
    public void Log(string phase) => log?.Invoke(phase);

    public bool WritesOutput => Options.Mode != BuildMode.Check;
    public bool Serving => Options.Mode == BuildMode.Serve;
    public BuildCache? Cache { get; set; }
    /// <summary>Everything, or the pages a quick rebuild redoes; decided once, before the stages run.</summary>
    public ChangeSet Changes { get; set; } = ChangeSet.Everything("");
    public bool Partial => !Changes.IsEverything;
    /// <summary>Where the snapshot for the next build's change detector goes (null: none is kept), and the stamp of the inputs besides content/.</summary>
    public (string Path, string Inputs)? Snapshot { get; set; }

    // Load
    public ContentLoader? Loader { get; set; }
    public LoadedContent? Content { get; set; }
    public List<FileStamp>? ContentStamps { get; set; }
    public int SourcesFromCache { get; set; }

    // Assemble
    public SiteGraph? Graph { get; set; }
    public string ThemeDirectory { get; set; } = "";
    public ThemeIcons Icons { get; set; } = ThemeIcons.None;
    public IReadOnlyList<(string Output, string Source)> ThemeAssets { get; set; } = [];
    public TemplateEngine? Templates { get; set; }

    // Assets
    public IReadOnlyDictionary<string, ShareImage> ShareImages { get; set; } = new Dictionary<string, ShareImage>();
    public int SocialImagesDrawn { get; set; }
    public IReadOnlyDictionary<string, PictureModel> Pictures { get; set; } = new Dictionary<string, PictureModel>();
    /// <summary>Output path → source file of every file the site copies or links (theme, static, bundles, images).</summary>
    public SortedDictionary<string, string> Files { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Of <see cref="Files"/>, the generator's own cache entries (linked, not copied).</summary>
    public HashSet<string> Generated { get; set; } = new(StringComparer.Ordinal);

    // Assemble (pages): what is rendered, and every path the output will hold
    public SiteRenderer? Renderer { get; set; }
    public List<PageJob> Jobs { get; set; } = [];
    public HashSet<string> OutputPaths { get; set; } = new(StringComparer.Ordinal);
    public IReadOnlyList<string> SortedOutputPaths { get; set; } = [];
    /// <summary>Text files besides pages: sitemap, robots.txt, feeds and the form editor's configuration.</summary>
    public List<(string Path, string Text)> TextFiles { get; set; } = [];

    // Render and post-process
    public IncrementalOutput? Output { get; set; }
    public PostProcessor? PostProcessor { get; set; }
    public ConcurrentDictionary<string, string> PageKeys { get; } = new(StringComparer.Ordinal);
    public RenderCounters Counters { get; } = new();
    public IReadOnlyList<ArraySegment<byte>>? Outlines { get; set; }
    public int PageCount { get; set; }
    /// <summary>The addresses of the pages this build rendered (a quick rebuild: the edited ones), kept past <see cref="DropPages"/>.</summary>
    public IReadOnlySet<string> RenderedUrls { get; set; } = new HashSet<string>();

    // Index
    public SearchAnalysisMemo? SearchMemo { get; set; }
    public int StoredAnalyses { get; set; }
    public SearchIndexBuilder? Search { get; set; }
    public string SearchKey { get; set; } = "";
    public int SearchFileCount { get; set; }
    public SearchBundle? SearchData { get; set; }
    public bool SearchRebuilt { get; set; }
    /// <summary>Whether the search analysis memo could not be written (a quick rebuild then keeps the previous search listing it names).</summary>
    public bool MemoFailed { get; set; }

    /// <summary>
    /// After rendering, the loaded pages, the graph and the jobs are garbage (their bodies are most of a big site's
    /// heap): let go of them before the index, the other memory-hungry stage.
    /// </summary>
    public void DropPages()
    {
        Loader = null;
        Content = null;
        Graph = null;
        Templates = null;
        Renderer = null;
        PostProcessor = null;
        Jobs = [];
        TextFiles = [];
        Files = new(StringComparer.Ordinal);
        ShareImages = new Dictionary<string, ShareImage>();
        Pictures = new Dictionary<string, PictureModel>();
    }
}

/// <summary>Counts of the render stage that results and tests read.</summary>
internal sealed class RenderCounters
{
    public int FromCache;
    public int KeptUnread;
    public int AsTree;
    public int TokenizedByAngleSharp;
}
