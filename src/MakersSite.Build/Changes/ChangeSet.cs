using MakersSite.Build.Caching;
using MakersSite.Content.Loading;
using MakersSite.Content.Model;
using MakersSite.Output;
using MakersSite.Rendering;

namespace MakersSite.Build.Changes;

/// <summary>
/// What a build must redo, decided once before any stage runs: everything (with the reason, when a quick rebuild
/// was tried), or the pages whose texts changed, with every other page as the previous build's snapshot has it.
/// </summary>
internal sealed class ChangeSet : IDisposable
{
    private ChangeSet(string reason) => Reason = reason;

    public static ChangeSet Everything(string reason) => new(reason) { IsEverything = true };

    public bool IsEverything { get; private init; }

    /// <summary>Why the build runs in full (empty when no quick rebuild was tried).</summary>
    public string Reason { get; }

    /// <summary>The previous build's snapshot the quick rebuild starts from.</summary>
    public SiteSnapshot? Snapshot { get; private init; }

    /// <summary>content/ as it is now, stamped in the snapshot's order.</summary>
    public IReadOnlyList<FileStamp> ContentNow { get; private init; } = [];

    /// <summary>Every page: the snapshot's outlines, with the changed pages loaded from their files.</summary>
    public LoadedContent? Content { get; private init; }

    /// <summary>The changed pages, by reference.</summary>
    public IReadOnlySet<Page> Edited { get; private init; } = new HashSet<Page>();

    /// <summary>The output as the previous build left it, opened for a partial write, and whether it is still so.</summary>
    public Task<(IncrementalOutput Output, bool Unchanged)>? Output { get; private init; }

    /// <summary>Fluid's grammar, warmed up on another core while the changed pages load.</summary>
    public Task? TemplatesWarm { get; private init; }

    public static ChangeSet Pages(SiteSnapshot snapshot, IReadOnlyList<FileStamp> contentNow, LoadedContent content, IReadOnlySet<Page> edited,
        Task<(IncrementalOutput, bool)> output, Task templatesWarm) =>
        new("") { Snapshot = snapshot, ContentNow = contentNow, Content = content, Edited = edited, Output = output, TemplatesWarm = templatesWarm };

    /// <summary>Hugo's shouldRender: whether this build renders the page (the others are the previous build's).</summary>
    public bool MustRender(PageJob job) => IsEverything || (!job.IsRedirect && job.Source is { } source && Edited.Contains(source));

    /// <summary>Whether a page's share image and pictures are this build's to prepare.</summary>
    public bool Affects(Page page) => IsEverything || Edited.Contains(page);

    /// <summary>The partial output, once it is known to be as the previous build left it.</summary>
    public IncrementalOutput TakeOutput()
    {
        var (output, unchanged) = Output!.GetAwaiter().GetResult();
        FullBuildNeeded.Unless(unchanged, Decline.OutputFileChanged);
        _outputTaken = true;
        return output;
    }

    private bool _outputTaken;

    /// <summary>Nothing of a declined quick rebuild may go on after it: the full build has the cache and the output.</summary>
    public void Dispose()
    {
        try
        {
            Task.WaitAll(new[] { Output ?? Task.CompletedTask, TemplatesWarm ?? Task.CompletedTask });
        }
        catch (AggregateException)
        {
        }
        if (!_outputTaken && Output is { IsCompletedSuccessfully: true }) Output.Result.Output.Dispose();
    }
}

/// <summary>A quick rebuild met something only a full build can do; the build starts again in full, with the reason.</summary>
internal sealed class FullBuildNeeded(string reason) : Exception(reason)
{
    public static void Unless(bool holds, string reason)
    {
        if (!holds) throw new FullBuildNeeded(reason);
    }
}

/// <summary>Every reason a quick rebuild gives way to the full build (tests and anyone wondering read them).</summary>
internal static class Decline
{
    public const string NoSnapshot = "no snapshot of the previous build, other inputs, or the output manifest was rewritten";
    public const string FilesCameOrWent = "files or folders of content/ came or went";
    public const string TooMany = "too many files changed";
    public const string OutputFolderChanged = "a folder of the output changed";
    public const string Undecodable = "the snapshot holds a page it cannot decode";
    public const string NotAPageText = "a changed file is not the text of a page other pages' outlines leave alone";
    public const string DoesNotLoad = "the changed page does not load without messages";
    public const string OutlineChanged = "the outline of the changed page changed";
    public const string Draft = "a changed page is a draft";
    public const string FontsMissing = "the theme's fonts are missing";
    public const string PictureUnreadable = "a picture cannot be read";
    public const string BrokenLink = "the changed page has a broken link";
    public const string OutputFileChanged = "a file of the output changed";
    public const string SearchAnalysisElsewhere = "the search analysis in the cache is not the previous build's";
    public const string CacheDamaged = "the build cache is damaged";
}
