using MakersSite.Build.Caching;
using MakersSite.Content.Loading;
using MakersSite.Content.Model;
using MakersSite.Output;
using MakersSite.Rendering;

namespace MakersSite.Build.Changes;

/// <summary>
/// Reads the previous build's snapshot before any stage runs and says what this build must redo: everything,
/// because of a reason in <see cref="Decline"/>, or the few pages whose texts alone changed (their bodies; nothing
/// another page, a list, a share image or the sitemap shows of them). Every other page is then taken as the
/// snapshot describes it, without reading or modelling it, so such an edit costs about the same on ten pages as on
/// ten thousand; either way the output is the same byte for byte (tested against clean builds).
/// </summary>
internal static class ChangeDetector
{
    /// <summary>More edited pages than this at once: the full build, whose search index is then remade anyway.</summary>
    private const int EditsAtMost = 8;

    public static ChangeSet Detect(BuildContext context)
    {
        if (context.Options.Reuse != Reuse.Everything || context.Snapshot is not { } kept || !File.Exists(kept.Path)) return ChangeSet.Everything("");
        try
        {
            return Pages(context, kept.Path, kept.Inputs);
        }
        catch (FullBuildNeeded declined)
        {
            return ChangeSet.Everything(declined.Message);
        }
    }

    private static ChangeSet Pages(BuildContext context, string snapshotPath, string inputs)
    {
        var manifestPath = OutputManifest.PathFor(context.Root, context.Options.OutputDirectory);
        var snapshot = SiteSnapshot.Read(snapshotPath);
        FullBuildNeeded.Unless(snapshot is not null && snapshot.Inputs == inputs && SiteSnapshot.Stamp("", manifestPath) == snapshot.Manifest, Decline.NoSnapshot);
        // Disposed without a commit (a fall back to the full build), the output takes away whatever it wrote.
        var output = Task.Run(() =>
        {
            var partial = new IncrementalOutput(context.Options.OutputDirectory, manifestPath, partial: true);
            return (partial, partial.PreviousFilesUnchanged());
        });
        var warm = Task.Run(TemplateEngine.WarmUp);
        try
        {
            var changedFiles = ChangedContent(context.Root, snapshot!, out var contentNow);
            FullBuildNeeded.Unless(changedFiles is not null, Decline.FilesCameOrWent);
            FullBuildNeeded.Unless(changedFiles!.Count <= EditsAtMost, Decline.TooMany);
            FullBuildNeeded.Unless(OutputFolders.StampsNow(context.Options.OutputDirectory, snapshot!.OutputFolders).SequenceEqual(snapshot.OutputFolders), Decline.OutputFolderChanged);
            var (content, edited) = LoadEdited(context, snapshot, changedFiles);
            return ChangeSet.Pages(snapshot, contentNow, content, edited, output, warm);
        }
        catch (FullBuildNeeded)
        {
            try { Task.WaitAll(output, warm); } catch (AggregateException) { }
            if (output.IsCompletedSuccessfully) output.Result.partial.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads the changed files while the others' outlines are decoded. Each must be the index.md of a page whose
    /// outline decides every other page: not the home page or a section's page (their folders hold the others), not
    /// a Rugzak page (the offline worker's cache name follows their HTML). Messages, even warnings, are the full
    /// build's to report (this build could not repeat the others').
    /// </summary>
    private static (LoadedContent Content, IReadOnlySet<Page> Edited) LoadEdited(BuildContext context, SiteSnapshot snapshot, List<string> changedFiles)
    {
        // Its own messages: a declined quick rebuild leaves them to the full build, which reports them all.
        var diagnostics = new Content.Diagnostics.DiagnosticBag();
        var loader = new ContentLoader(context.Root, diagnostics, store: new CachedSources(context.Cache!), today: context.Today);
        var loading = Task.Run(() =>
        {
            var (site, vocabularies) = loader.LoadSettings();
            return (Site: site, Vocabularies: vocabularies, Pages: site is null ? [] : changedFiles.Select(f => loader.LoadPageFile(f, vocabularies)).ToList());
        });
        var outlines = snapshot.Outlines.Select(o => LoadedPageCodec.Decode(o)).ToList();
        var loaded = loading.GetAwaiter().GetResult();
        FullBuildNeeded.Unless(outlines.All(p => p is not null), Decline.Undecodable);
        var pages = outlines.Select(p => p!).ToList();
        var edited = new HashSet<Page>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < changedFiles.Count; i++)
        {
            var at = pages.FindIndex(p => p.SourceFile == changedFiles[i]);
            FullBuildNeeded.Unless(at >= 0 && pages[at].Kind is not (PageKind.Home or PageKind.SectionList or PageKind.Topic), Decline.NotAPageText);
            var page = loaded.Pages[i];
            FullBuildNeeded.Unless(loaded.Site is not null && page is not null && diagnostics.Sorted().Count == 0, Decline.DoesNotLoad);
            FullBuildNeeded.Unless(LoadedPageCodec.EncodeOutline(page!) is { } outline && outline.AsSpan().SequenceEqual(snapshot.Outlines[at]), Decline.OutlineChanged);
            pages[at] = page!;
            edited.Add(page!);
        }
        context.SourcesFromCache = pages.Count - changedFiles.Count;
        return (new LoadedContent(context.Root, loaded.Site!, loaded.Vocabularies, pages), edited);
    }

    /// <summary>
    /// The content files whose size or time changed since the snapshot, with every stamp as it is now; null when
    /// a file or folder came or went (a folder whose time changed is listed again: editors that save through a
    /// temporary file change it without changing what it holds).
    /// </summary>
    private static List<string>? ChangedContent(string root, SiteSnapshot snapshot, out List<FileStamp> now)
    {
        now = OutputFolders.StampsNow(root, snapshot.Content);
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
}
