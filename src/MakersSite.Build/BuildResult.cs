using MakersSite.Content.Diagnostics;
using MakersSite.Search;

namespace MakersSite.Build;

public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int PageCount, int FileCount)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    /// <summary>
    /// The search data and the lunr index it was cut from, when <see cref="BuildOptions.KeepSearchIndex"/> asked for it
    /// (null when the build failed before indexing, or took the search data unchanged from the cache).
    /// </summary>
    public SearchBundle? Search { get; init; }


    /// <summary>Content pages taken loaded from the build cache instead of read, parsed and validated from their files.</summary>
    public int SourcesFromCache { get; init; }



    /// <summary>Pages taken finished from the build cache instead of rendered and post-processed.</summary>
    public int PagesFromCache { get; init; }

    /// <summary>Of <see cref="PagesFromCache"/>, those whose texts were not read: their search entry was known (their HTML is read only when the output lacks the file).</summary>
    public int PagesKeptUnread { get; init; }



    /// <summary>Whether only the edited pages were loaded and rendered, the rest taken from the previous build's snapshot.</summary>
    public bool QuickRebuild { get; init; }


    /// <summary>Whether the build was stopped by a cancel (Ctrl+C, SIGTERM) before it wrote anything.</summary>
    public bool Interrupted { get; init; }

    /// <summary>Files of the output written or replaced by this build; the others were already as they should be.</summary>
    public int FilesWritten { get; init; }

    /// <summary>What only tests ask of a build, as Hugo's buildCounters: internal, so the public result is what a caller uses.</summary>
    internal BuildCounters Counters { get; init; } = new();
}

/// <summary>How a build did its work: counts the tests assert on, none of which change what it writes.</summary>
internal sealed class BuildCounters
{
    /// <summary>Share images drawn by this build (the rest came from the cache).</summary>
    public int SocialImagesDrawn { get; init; }

    /// <summary>Search documents analysed anew; the others' analysis came from the previous build (cache or serve's memory).</summary>
    public int SearchDocumentsAnalysed { get; init; }

    /// <summary>Whether the search data was patched where edited documents' terms are, rather than made anew.</summary>
    public bool SearchDataPatched { get; init; }

    /// <summary>Pages rendered anew whose post-processing needed a whole DOM (the others went from the tokens).</summary>
    public int PagesPostProcessedAsTree { get; init; }

    /// <summary>Pages rendered anew whose tokens came from AngleSharp's tokenizer because the fast scanner left them (see PageTokens).</summary>
    public int PagesTokenizedByAngleSharp { get; init; }

    /// <summary>Why a command-line build ran in full rather than as a quick rebuild (empty when it did not try).</summary>
    public string QuickRebuildDeclined { get; init; } = "";
}
