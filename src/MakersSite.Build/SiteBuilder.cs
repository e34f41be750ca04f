using System.Globalization;
using MakersSite.Build.Caching;
using MakersSite.Build.Changes;
using MakersSite.Build.Stages;
using MakersSite.Content.Diagnostics;
using MakersSite.Output;

namespace MakersSite.Build;

/// <summary>
/// Runs the build as its stages: load → validate → assemble → assets → render and post-process → index → write.
/// What to redo is decided once, before any stage, by the <see cref="ChangeDetector"/>; a stage that meets an error
/// stops the build before the write stage puts anything into place. See docs/architecture.md.
/// </summary>
public sealed class SiteBuilder
{
    /// <summary>
    /// What a quick rebuild may allocate with collections paused: most of what it allocates (snapshot, outlines,
    /// search analysis, output manifest) stays live to its end, so collections would only copy it.
    /// </summary>
    private const long QuickAllocationBudget = 256L << 20;

    private readonly Action<string>? _log;
    private readonly BuildTestSwitches _switches;

    public SiteBuilder(Action<string>? log = null) : this(log, BuildTestSwitches.None) { }

    internal SiteBuilder(Action<string>? log, BuildTestSwitches switches) => (_log, _switches) = (log, switches);

    public BuildResult Build(BuildOptions options, CancellationToken cancel = default)
    {
        if (options.Mode == BuildMode.Serve != options.Serve is not null) throw new ArgumentException("serve's state goes with BuildMode.Serve, and only with it.", nameof(options));
        var context = NewContext(options, cancel);
        // Taken before loading, since loaded pages come from the cache too; one build at a time uses it.
        var cache = context.Cache;
        if (cache?.BeginBuild(waiting: message => _log?.Invoke(message)) == false) return CacheBusy(cache);
        BuildResult? result = null;
        var paused = false;
        try
        {
            // A build that was killed leaves its staged files beside the output, or a commit half done: this one starts from a whole output.
            if (context.WritesOutput) IncrementalOutput.Recover(options.OutputDirectory);
            context.Log("laden");
            paused = context.Snapshot is { } kept && options.Reuse == Reuse.Everything && File.Exists(kept.Path) && options.Memory.PauseCollections(QuickAllocationBudget);
            context.Changes = ChangeDetector.Detect(context);
            result = RunOnce(context, ref paused);
            return result;
        }
        catch (OperationCanceledException)
        {
            return result = Interrupted(options);
        }
        finally
        {
            // check names share images without drawing them, so its pages differ from a build's: it must not drop the
            // build's entries. A quick rebuild did not visit the entries of the pages it left alone.
            cache?.EndBuild(prune: result is { Succeeded: true, QuickRebuild: false } && context.WritesOutput);
            if (paused) options.Memory.BuildEnded();
        }
    }

    /// <summary>The stages once; a quick rebuild that meets what only the full build can do gives way to it.</summary>
    private BuildResult RunOnce(BuildContext context, ref bool paused)
    {
        if (!context.Partial)
        {
            if (paused) context.Options.Memory.ResumeCollections();
            paused = false;
            return RunFull(context);
        }
        try
        {
            using (context.Changes) return RunStages(context);
        }
        catch (FullBuildNeeded declined)
        {
            context.Output?.Dispose();
            var full = NewContext(context.Options, context.Cancel);
            full.Changes = ChangeSet.Everything(declined.Message);
            if (paused) context.Options.Memory.ResumeCollections();
            paused = false;
            return RunFull(full);
        }
    }

    private BuildResult RunFull(BuildContext context)
    {
        var result = RunStages(context);
        // A failed build leaves the output as it was, but a serve build may have published pages early meanwhile.
        if (!result.Succeeded && context.Snapshot is { } snapshot)
            SiteSnapshot.RestampOutputFolders(snapshot.Path, OutputManifest.PathFor(context.Root, context.Options.OutputDirectory), context.Options.OutputDirectory);
        return result;
    }

    /// <summary>The stages in order, each with its progress line; the first that fails ends the build.</summary>
    private static BuildResult RunStages(BuildContext c)
    {
        try
        {
            // Pages that failed to load stop the build, but the others are still validated so one run names every problem.
            var loaded = Stage(c, null, LoadStage.Run);
            if (!loaded && c.Content is not null) ValidateStage.Run(c);
            if (!(loaded && Stage(c, "controleren", ValidateStage.Run) && Stage(c, "samenstellen", AssembleStage.Run)
                  && Stage(c, "afbeeldingen", AssetsStage.Run) && Stage(c, "renderen en nabewerken", RenderStage.Run))) return Failed(c);
            // The loaded pages, the graph and the jobs are garbage now; the index is the other memory-hungry stage.
            c.DropPages();
            c.Options.Memory.BetweenRenderAndIndex();
            if (!(Stage(c, "zoekindex", IndexStage.Run) && Stage(c, "schrijven", WriteStage.Run))) return Failed(c);
            c.Log("klaar");
            return Result(c);
        }
        finally
        {
            // Committed, the output has nothing left to undo; otherwise it takes away what it staged.
            c.Output?.Dispose();
        }
    }

    private static bool Stage(BuildContext c, string? name, Func<BuildContext, bool> stage)
    {
        c.Cancel.ThrowIfCancellationRequested();
        if (name is not null) c.Log(name);
        return stage(c) && !c.Diagnostics.HasErrors;
    }

    private BuildContext NewContext(BuildOptions options, CancellationToken cancel)
    {
        var context = new BuildContext(options, _switches, _log, cancel);
        context.Cache = options.Reuse == Reuse.Nothing ? null
            : _switches.Cache ?? options.Serve?.Cache ?? new BuildCache(Path.Combine(context.Root, ".cache", "build"));
        // Only the plain build keeps a snapshot for the next: serve keeps its own memory, check writes nothing, and
        // tests that ask for the search index want it made.
        if (options.Mode == BuildMode.Build && context.Cache is not null && _switches.Cache is null && !_switches.KeepSearchIndex)
            context.Snapshot = (SiteSnapshot.PathFor(context.Cache.Directory, OutputManifest.PathFor(context.Root, options.OutputDirectory)),
                SiteSnapshot.InputsStamp(context.Root, options, context.Today, _switches.PostProcessWithTree));
        return context;
    }

    private static BuildResult Result(BuildContext c) => new(c.Diagnostics.Sorted(), c.PageCount, c.SortedOutputPaths.Count + c.SearchFileCount)
    {
        Search = c.SearchData, FilesWritten = c.Output?.Written ?? 0, SourcesFromCache = c.SourcesFromCache,
        PagesFromCache = (c.Partial ? c.PageCount - c.RenderedUrls.Count : 0) + c.Counters.FromCache,
        PagesKeptUnread = (c.Partial ? c.PageCount - c.RenderedUrls.Count : 0) + c.Counters.KeptUnread,
        QuickRebuild = c.Partial,
        Counters = new BuildCounters
        {
            SocialImagesDrawn = c.SocialImagesDrawn, SearchDocumentsAnalysed = c.Search?.Analysed ?? 0, SearchDataPatched = c.Search?.Patched ?? false,
            PagesPostProcessedAsTree = c.Counters.AsTree, PagesTokenizedByAngleSharp = c.Counters.TokenizedByAngleSharp, QuickRebuildDeclined = c.Changes.Reason,
        },
    };

    private static BuildResult Failed(BuildContext c) => new(c.Diagnostics.Sorted(), 0, 0);

    private static BuildResult Interrupted(BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.Error("", 0, 0, null, $"De build is onderbroken (Ctrl+C of een stopsignaal). {options.OutputDirectory} is niet veranderd.");
        return new BuildResult(diagnostics.Sorted(), 0, 0) { Interrupted = true };
    }

    private static BuildResult CacheBusy(BuildCache cache)
    {
        var diagnostics = new DiagnosticBag();
        var patience = cache.LockPatience.TotalSeconds >= 60
            ? $"{cache.LockPatience.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)} minuten"
            : $"{cache.LockPatience.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',')} seconden";
        diagnostics.Error(".cache/build/lock", 0, 0, null,
            $"De bouwcache (.cache/build) bleef {patience} in gebruik door een andere build of 'serve'. " +
            "Deze build is gestopt zonder iets te veranderen: stop de andere of wacht tot die klaar is, en probeer het opnieuw.");
        return new BuildResult(diagnostics.Sorted(), 0, 0);
    }
}
