using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using MakersSite.Output;

namespace MakersSite.Build.Caching;

/// <summary>
/// The persistent build cache in .cache/build/: loaded source pages, finished pages and the search index's files
/// (each in a <see cref="PagePack"/>) and entries of other kinds (the search analysis, the listing of the index's
/// files) as files, each stored under the hash of everything it was made from, so an entry can
/// never be stale — a changed input simply asks for another key. Entries the last successful build did not use are
/// removed at <see cref="EndBuild"/>, so the cache holds one site's worth. Safe to use from several threads.
/// </summary>
public sealed class BuildCache(string directory, bool keepPagesInMemory = false)
{
    // serve: finished pages of the last build also stay in memory, so a rebuild neither reads nor decodes them.
    private readonly ConcurrentDictionary<string, FinishedPage>? _pages = keepPagesInMemory ? new(StringComparer.Ordinal) : null;
    private readonly ConcurrentDictionary<string, byte> _usedPages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _usedSources = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _usedSearchFiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _damagedSearchFiles = new(StringComparer.Ordinal);
    private PagePack? _pack;
    private PagePack? _sources;
    private PagePack? _searchFiles;
    private FileStream? _lock;

    /// <summary>A loaded page (see <see cref="Content.Loading.LoadedPageCodec"/>) by the hash of what loading it read.</summary>
    public ArraySegment<byte>? ReadSource(string key)
    {
        _usedSources.TryAdd(key, 0);
        return _sources?.ReadEntry(key);
    }

    /// <summary>Keeps an entry this build did not read (the page came from serve's memory).</summary>
    public void KeepSource(string key) => _usedSources.TryAdd(key, 0);

    public void WriteSource(string key, byte[] bytes)
    {
        _usedSources.TryAdd(key, 0);
        _sources?.Append(key, bytes);
    }

    public FinishedPage? ReadPage(string key)
    {
        _usedPages.TryAdd(key, 0);
        if (_pages?.TryGetValue(key, out var page) == true) return page;
        try
        {
            page = _pack?.ReadEntry(key) is { } bytes ? FinishedPage.Decode(bytes) : null;
        }
        catch (FormatException)
        {
            return null; // lengths in the entry that run past it: the page is rendered again
        }
        if (page is not null) _pages?.TryAdd(key, page);
        return page;
    }

    /// <summary>Keeps a page this build does not read (its file is current and its search entry known); false when the cache lacks it.</summary>
    public bool KeepPage(string key)
    {
        _usedPages.TryAdd(key, 0);
        return _pages?.ContainsKey(key) == true || _pack?.Contains(key) == true;
    }

    public void WritePage(string key, FinishedPage page)
    {
        _usedPages.TryAdd(key, 0);
        _pack?.Append(key, page.Encode());
        _pages?.TryAdd(key, page);
    }

    /// <summary>
    /// The search index's files by the SHA-256 of their bytes: one sentence changes part of the index, and only
    /// the files that came out different are stored again (the listing of which file is which is an entry of its own).
    /// </summary>
    public bool HasSearchFile(string hash) => _searchFiles?.Contains(hash) == true;

    /// <summary>The file's bytes, or null when the pack does not hold them intact; <see cref="WriteSearchFile"/> then stores them anew.</summary>
    public byte[]? ReadSearchFile(string hash)
    {
        _usedSearchFiles.TryAdd(hash, 0);
        // The pack checks the entry's key and checksum, so damaged bytes are a miss without hashing them again here.
        if (_searchFiles?.Read(hash) is { } bytes) return bytes;
        _damagedSearchFiles.TryAdd(hash, 0);
        return null;
    }

    public void WriteSearchFile(string hash, byte[] bytes)
    {
        _usedSearchFiles.TryAdd(hash, 0);
        // Most files of a rebuilt index are the same as before: those are in the pack already, unless found damaged.
        if (HasSearchFile(hash) && !_damagedSearchFiles.ContainsKey(hash)) return;
        _searchFiles?.Append(hash, bytes);
    }

    /// <summary>Keeps a file this build did not need to read (the output already had it).</summary>
    public void KeepSearchFile(string hash) => _usedSearchFiles.TryAdd(hash, 0);

    /// <summary>How long a build waits for the cache another build or serve holds, before it fails.</summary>
    public TimeSpan LockPatience { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Starts a build: what it uses decides what <see cref="EndBuild"/> keeps. One build at a time uses the cache
    /// (a build and serve in the same site take turns): a build never goes on without it, since the other build
    /// would then write its older pages over this one's.
    /// </summary>
    /// <param name="waiting">Told once when the cache is in use by another build, so nobody stares at a silent terminal.</param>
    /// <returns>False when the cache stayed in use for <see cref="LockPatience"/>: the build must stop.</returns>
    public bool BeginBuild(Action<string>? waiting = null)
    {
        _used.Clear();
        _kinds.Clear();
        _usedPages.Clear();
        _usedSources.Clear();
        _usedSearchFiles.Clear();
        _damagedSearchFiles.Clear();
        System.IO.Directory.CreateDirectory(Directory);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (_lock is null)
        {
            try
            {
                _lock = new FileStream(Path.Combine(Directory, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockPatience)
            {
                if (waited.ElapsedMilliseconds < 100) waiting?.Invoke("Een andere build of 'serve' gebruikt de bouwcache (.cache/build); wachten tot die klaar is");
                Thread.Sleep(100);
            }
            catch (IOException)
            {
                return false;
            }
        }
        _pack = PagePack.Open(Directory);
        _sources = PagePack.Open(Directory, "sources");
        _searchFiles = PagePack.Open(Directory, "search");
        return true;
    }

    /// <summary>Removes an entry of a kind (a file of its own) that nothing will ask for again.</summary>
    public void Delete(string kind, string key) => File.Delete(PathOf(kind, key));

    /// <summary>
    /// Ends a build. With <paramref name="prune"/> (a build that succeeded and wrote its output) the entries it did
    /// not use are removed, so the cache holds one site's worth; otherwise everything is kept.
    /// </summary>
    public void EndBuild(bool prune)
    {
        // A build that did not get the lock opened nothing: the cache is another build's.
        if (prune && _lock is not null)
        {
            Prune();
            if (_pages is not null)
                foreach (var key in _pages.Keys)
                    if (!_usedPages.ContainsKey(key)) _pages.TryRemove(key, out _);
        }
        _pack?.Close(prune ? _usedPages.ContainsKey : null);
        _pack = null;
        _sources?.Close(prune ? _usedSources.ContainsKey : null);
        _sources = null;
        _searchFiles?.Close(prune ? _usedSearchFiles.ContainsKey : null);
        _searchFiles = null;
        _lock?.Dispose();
        _lock = null;
    }

    /// <summary>
    /// Changes whenever the generator itself changes (any of its assemblies), so a new version of makers-site
    /// never reads what an older one cached.
    /// </summary>
    public static readonly string GeneratorStamp = Hash(string.Join(",",
        new[] { typeof(BuildCache), typeof(Rendering.SiteRenderer), typeof(Output.PostProcessor), typeof(Search.SearchIndexWriter), typeof(Content.Loading.ContentLoader) }
            .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString())));

    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _kinds = new(StringComparer.Ordinal);

    public string Directory { get; } = directory;

    public byte[]? Read(string kind, string key)
    {
        using var stream = OpenRead(kind, key);
        if (stream is null) return null;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public void Write(string kind, string key, byte[] bytes)
    {
        using var entry = Create(kind, key);
        entry.Stream.Write(bytes);
        entry.Commit();
    }

    /// <summary>
    /// An entry too big to hold in memory at once, written as it is produced. It is written aside and only
    /// takes its place at <see cref="NewEntry.Commit"/>, so a reader never sees half an entry.
    /// </summary>
    public NewEntry Create(string kind, string key)
    {
        var path = Use(kind, key);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new NewEntry(path);
    }

    public sealed class NewEntry(string path) : IDisposable
    {
        private readonly string _temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        private bool _committed;

        public Stream Stream => field ??= File.Create(_temporary);

        public void Commit()
        {
            Stream.Dispose();
            File.Move(_temporary, path, overwrite: true);
            _committed = true;
        }

        public void Dispose()
        {
            if (_committed) return;
            Stream.Dispose();
            File.Delete(_temporary);
        }
    }

    public Stream? OpenRead(string kind, string key)
    {
        var path = Use(kind, key);
        // A miss is common (a new key): asked first, since the first exception a process throws costs more than the whole lookup.
        if (!File.Exists(path)) return null;
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Removes the entries of the kinds this build used that it did not read or write.</summary>
    private void Prune()
    {
        // Folders of kinds no build uses any more (finished pages were one file each before the pack) go entirely.
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Directory))
            if (!_kinds.ContainsKey(Path.GetFileName(folder))) System.IO.Directory.Delete(folder, recursive: true);
        foreach (var kind in _kinds.Keys)
        {
            var folder = Path.Combine(Directory, kind);
            if (!System.IO.Directory.Exists(folder)) continue;
            foreach (var file in System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                if (!_used.ContainsKey(file)) File.Delete(file);
        }
    }

    private string PathOf(string kind, string key) => Path.Combine(Directory, kind, key[..2], key);

    /// <summary>The entry's path, noted as used by this build so <see cref="Prune"/> keeps it.</summary>
    private string Use(string kind, string key)
    {
        var path = PathOf(kind, key);
        _used.TryAdd(path, 0);
        _kinds.TryAdd(kind, 0);
        return path;
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
