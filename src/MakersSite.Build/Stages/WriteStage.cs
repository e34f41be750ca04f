using MakersSite.Build.Caching;

namespace MakersSite.Build.Stages;

/// <summary>
/// Write: the output's commit (staged files moved into place under a journal, see IncrementalOutput), then the
/// snapshot the next build's change detector reads. The snapshot goes first and comes back last, so a build that
/// breaks off in between leaves none, and the next build runs in full.
/// </summary>
internal static class WriteStage
{
    public static bool Run(BuildContext c)
    {
        if (c.Output is not { } output) return true;
        // Past this point the build finishes: a cancel that comes now would leave less than it costs to complete.
        c.Cancel.ThrowIfCancellationRequested();
        if (c.Snapshot is { } previous) File.Delete(previous.Path);
        output.Commit();
        if (c.Snapshot is not { } next) return true;
        if (c.Partial) WritePartialSnapshot(c, next.Path, next.Inputs);
        // Only after a build without any message: a quick rebuild could not repeat another page's warnings.
        else if (c.Outlines is { } outlines && c.Diagnostics.Sorted().Count == 0)
        {
            new SiteSnapshot
            {
                Inputs = next.Inputs, SearchKey = c.SearchKey, Content = c.ContentStamps!, Outlines = outlines, PageKeys = c.PageKeys,
                OutputPaths = c.SortedOutputPaths,
                OutputFolders = OutputFolders.StampsNow(c.Options.OutputDirectory, OutputFolders.Of(output.Files)),
                Manifest = SiteSnapshot.Stamp("", OutputManifest.PathFor(c.Root, c.Options.OutputDirectory)),
            }.Write(next.Path, everything: true);
        }
        return true;
    }

    /// <summary>The previous snapshot with the edited pages' keys and stamps; only the folders of files this build wrote or removed changed their time.</summary>
    private static void WritePartialSnapshot(BuildContext c, string path, string inputs)
    {
        var snapshot = c.Changes.Snapshot!;
        var output = c.Output!;
        var touched = OutputFolders.Of(output.Touched).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var before = snapshot.OutputFolders.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var folders = OutputFolders.Of(output.Files)
            .Select(f => !touched.Contains(f.Path) && before.TryGetValue(f.Path, out var kept) ? kept : SiteSnapshot.Stamp(c.Options.OutputDirectory, f.Path))
            .ToList();
        var pageKeys = new Dictionary<string, string>(snapshot.PageKeys, StringComparer.Ordinal);
        foreach (var (url, key) in c.PageKeys) pageKeys[url] = key;
        new SiteSnapshot
        {
            OutlinesId = snapshot.OutlinesId, Inputs = inputs, SearchKey = c.SearchKey, Content = c.Changes.ContentNow, Outlines = snapshot.Outlines,
            PageKeys = pageKeys, OutputPaths = snapshot.OutputPaths, OutputFolders = folders,
            Manifest = SiteSnapshot.Stamp("", OutputManifest.PathFor(c.Root, c.Options.OutputDirectory)),
        }.Write(path, everything: false, previous: snapshot);
        // The memo now names the new data: the previous listing is of no use to any build (a full one prunes it too).
        if (c.SearchKey != snapshot.SearchKey && !c.MemoFailed) c.Cache!.Delete("search", snapshot.SearchKey);
    }
}
