using MakersSite.Build;
using MakersSite.Content.Diagnostics;
using MakersSite.Preview;

namespace MakersSite.Cli;

/// <summary>
/// `serve`: builds the site into .cache/preview, serves it on 127.0.0.1, watches content/ and themes/, rebuilds
/// on every change and reloads open pages. A content error goes to the terminal and to the page as an overlay;
/// the last good site keeps being served, because a failed build never replaces the output.
/// </summary>
public sealed class ServeSession : IAsyncDisposable
{
    private readonly BuildOptions _options;
    private readonly TextWriter _log;
    private readonly LiveReload _reload;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly SemaphoreSlim _building = new(1, 1);
    private PreviewServer? _server;
    private Timer? _debounce;
    private bool _watching;
    private bool _previousBuildWatched;

    public string BaseUrl => _server?.BaseUrl ?? "";

    /// <summary>Completes each time a rebuild finishes (tests wait on it).</summary>
    public event Action<BuildResult>? Rebuilt;

    private ServeSession(BuildOptions options, TextWriter log)
    {
        _options = options;
        _log = log;
        _reload = new LiveReload(options.OutputDirectory);
    }

    public static async Task<ServeSession> StartAsync(string root, int port, TextWriter log)
    {
        var session = new ServeSession(new BuildOptions(root, Path.Combine(root, ".cache", "preview"))
        {
            Mode = BuildMode.Serve,
            Serve = new ServeState(new MakersSite.Build.Caching.BuildCache(Path.Combine(root, ".cache", "build"), keepPagesInMemory: true),
                new(), new(), SearchCores: Math.Max(1, Environment.ProcessorCount - 1)),
        }, log);
        await session.RebuildAsync();
        session._server = await PreviewServer.StartAsync(session._options.OutputDirectory, port, session._reload.Handle);
        foreach (var folder in new[] { "content", "themes", "layouts", "static" })
        {
            var path = Path.GetFullPath(Path.Combine(root, folder));
            if (!Directory.Exists(path)) continue;
            var watcher = new FileSystemWatcher(path) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            watcher.Changed += session.OnChange;
            watcher.Created += session.OnChange;
            watcher.Deleted += session.OnChange;
            watcher.Renamed += session.OnChange;
            watcher.Error += (_, _) => session.NoteChange(null);
            watcher.EnableRaisingEvents = true;
            session._watchers.Add(watcher);
        }
        session._watching = true;
        return session;
    }

    // Long enough to gather the events of one save (an editor's truncate and write come microseconds apart),
    // short enough not to be felt. A save that comes in pieces anyway just builds twice; the last build wins.
    private const int DebounceMilliseconds = 10;

    // Files changed since the last rebuild began; null once something was added, removed or renamed (or the watcher
    // lost events), and the next load must look at every page again.
    private HashSet<string>? _changed = new(StringComparer.Ordinal);
    private readonly Lock _changes = new();

    private void NoteChange(string? path)
    {
        lock (_changes)
        {
            if (path is null) _changed = null;
            else _changed?.Add(path);
        }
    }

    private HashSet<string>? TakeChanges()
    {
        lock (_changes)
        {
            var changed = _changed;
            _changed = new(StringComparer.Ordinal);
            return changed;
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        if (e.FullPath.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) return;
        NoteChange(e.ChangeType == WatcherChangeTypes.Changed && !Directory.Exists(e.FullPath) ? e.FullPath : null);
        // Editors write a file in several steps: wait until the changes stop for a moment.
        _debounce?.Dispose();
        _debounce = new Timer(_ => _ = RebuildAsync(), null, DebounceMilliseconds, Timeout.Infinite);
    }

    public async Task<BuildResult> RebuildAsync()
    {
        await _building.WaitAsync();
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            // The watcher says what changed since the previous build began, if that build began while it was
            // watching (the first build runs before the watchers exist): then unchanged pages are not looked at.
            var changed = TakeChanges();
            _options.Serve!.LoadedPages.BeginLoad(_previousBuildWatched ? changed : null);
            _previousBuildWatched = _watching;
            // The open pages reload as soon as they are written, the rest of the site and the search index follow.
            // If none is open (or one of them is gone), pages reload once all pages are written.
            long? reloadedMs = null;
            void ReloadNow()
            {
                reloadedMs = watch.ElapsedMilliseconds;
                // The rest of the build waits until the reloaded pages are back (at most a second): on a small machine it
                // would otherwise take the cores the browser needs to show the edit. Pages updated in place do not reconnect.
                var connections = _reload.Connections;
                var reloading = _reload.Reload().GetAwaiter().GetResult();
                _reload.WaitForConnections(connections + reloading, TimeSpan.FromSeconds(1));
            }
            var pagesMs = 0L;
            var result = new SiteBuilder().Build(_options with
            {
                Serve = _options.Serve with
                {
                    Observer = new ReloadObserver(() => _reload.OpenPages, ReloadNow, () =>
                    {
                        pagesMs = watch.ElapsedMilliseconds;
                        if (reloadedMs is null) ReloadNow();
                    }),
                },
            });
            var report = DiagnosticFormatter.Format(result.Diagnostics, DiagnosticFormat.Text);
            _log.Write(report);
            if (result.Succeeded)
            {
                _log.WriteLine($"[makers-site] pagina's gebouwd in {reloadedMs} ms (open pagina's laden opnieuw), " +
                               $"hele site na {pagesMs} ms, zoekindex klaar na {watch.ElapsedMilliseconds} ms.");
            }
            else
            {
                _log.WriteLine("[makers-site] build mislukt; de laatste goede versie blijft zichtbaar.");
                // Pages reloaded early with this build have been put back: reload them again, with the messages.
                if (reloadedMs is not null) await _reload.ReloadWithError(report);
                else await _reload.ReportError(report);
            }
            Rebuilt?.Invoke(result);
            return result;
        }
        finally
        {
            _building.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _debounce?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>serve's part in a build: the open pages first, a reload as soon as they and then all pages are out.</summary>
internal sealed class ReloadObserver(Func<IReadOnlySet<string>> openPages, Action openPagesPublished, Action pagesPublished) : IBuildObserver
{
    public IReadOnlySet<string> OpenPages() => openPages();
    public void OpenPagesPublished() => openPagesPublished();
    public void PagesPublished() => pagesPublished();
}
