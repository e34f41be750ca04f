using MakersSite.Build.Caching;
using MakersSite.Build.Changes;
using MakersSite.Search;

namespace MakersSite.Build.Stages;

/// <summary>The search analysis pages feed as they finish: serve keeps its memo in memory, a build in the cache.</summary>
internal static class SearchAnalysis
{
    public static readonly string MemoKey = BuildCache.Hash(BuildCache.GeneratorStamp + "\nsearch analysis");

    public static void Open(BuildContext c)
    {
        c.SearchMemo = c.Options.Serve?.SearchMemo ?? (c.Cache is null ? null : SearchFilesCache.ReadAnalysis(c.Cache, MemoKey));
        c.StoredAnalyses = c.SearchMemo?.Documents ?? 0;
        // Texts are analysed as pages finish, so they need not be kept; serve defers that until it has sent the reload.
        c.Search = new SearchIndexBuilder(keepTexts: c.Switches.KeepSearchIndex, deferAnalysis: c.Serving, c.SearchMemo);
    }
}

/// <summary>Index: the search data into the output, patched or written anew (see <see cref="SearchFilesCache"/>), and the analysis memo kept.</summary>
internal static class IndexStage
{
    public static bool Run(BuildContext c)
    {
        var search = c.Search!;
        if (c.Partial)
        {
            // Every other document as the previous build analysed it: their pages and outlines are the same.
            FullBuildNeeded.Unless(search.TryAddAllUnchanged(c.Changes.Snapshot!.SearchKey, c.RenderedUrls), Decline.SearchAnalysisElsewhere);
            c.Output!.PlanCompletely(SearchIndexWriter.DataFolder);
        }
        c.SearchKey = search.Key(BuildCache.GeneratorStamp, c.Options.Serve?.SearchCores);
        try
        {
            var written = SearchFilesCache.Write(c, c.SearchKey);
            c.SearchFileCount = written.Files;
            c.SearchRebuilt = written.Rebuilt;
            c.SearchData = written.Data;
        }
        catch (InvalidDataException e)
        {
            FullBuildNeeded.Unless(!c.Partial, Decline.CacheDamaged); // the full build says so, or builds the index anew
            c.Diagnostics.Error(".cache/build", 0, 0, null, e.Message);
            return false;
        }
        return KeepMemo(c);
    }

    /// <summary>Kept for the next build when this one analysed something, dropped a document or made new search data (serve keeps its own).</summary>
    private static bool KeepMemo(BuildContext c)
    {
        if (c.Cache is null || c.Serving || c.SearchMemo is not { } memo) return true;
        if (c.Search!.Analysed == 0 && memo.Documents == c.StoredAnalyses && !c.SearchRebuilt) return true;
        using var entry = c.Cache.Create("analysis", SearchAnalysis.MemoKey);
        try
        {
            memo.WriteTo(entry.Stream);
        }
        catch (InvalidDataException e)
        {
            // Word numbers the memo read cannot decode. A quick rebuild's output is complete: the memo stays as it
            // was, names other data than the snapshot's, and the next build is a full one that analyses every page.
            c.MemoFailed = true;
            if (c.Partial) return true;
            c.Diagnostics.Error(".cache/build", 0, 0, null, e.Message);
            return false;
        }
        entry.Commit();
        return true;
    }
}
