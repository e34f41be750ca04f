using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;

namespace MakersSite.Output;

/// <summary>
/// Brings the output directory to exactly the files of this build while touching only what changed: a manifest
/// (kept outside the output) records what each file was written from, so an unchanged file is left alone.
/// Changed and new files are written into a staging folder beside the output (<see cref="OutputStaging"/>) and only
/// moved into place at <see cref="Commit"/>, under a journal that the next build finishes should the commit be
/// killed. A build that fails, is cancelled or is killed before the commit leaves the output exactly as it was.
/// Writing is thread-safe: pages are written as they are rendered.
/// </summary>
public sealed class IncrementalOutput : IDisposable
{
    private readonly string _target;
    private readonly string _manifestPath;
    private readonly OutputStaging _staging;
    private readonly Dictionary<string, ManifestEntry> _previous;
    private readonly ConcurrentDictionary<string, string> _planned = new(StringComparer.Ordinal);
    // Files written into the staging folder, by their path in the output.
    private readonly ConcurrentDictionary<string, string> _staged = new(StringComparer.Ordinal);
    // Staged files already moved into the output (serve publishes before the commit).
    private readonly ConcurrentDictionary<string, byte> _published = new(StringComparer.Ordinal);
    // Files found as the previous build left them: the manifest keeps their entries without asking the file system again.
    private readonly ConcurrentDictionary<string, ManifestEntry> _unchanged = new(StringComparer.Ordinal);
    // Files this build wrote, as the file system saw them right after (a rename into place keeps size and time):
    // asked on the core that wrote each, not one by one at the commit.
    private readonly ConcurrentDictionary<string, ManifestEntry> _written = new(StringComparer.Ordinal);
    private bool _committed;
    // No output folder (or an empty one) when the build began: everything in it at the end is this build's.
    private readonly bool _startedEmpty;
    // Started empty and nothing published before the commit: the staged tree becomes the output in one rename.
    private bool _moveWhole;
    // A partial build (see the constructor): files it does not plan stay as they are, except under these folders.
    private readonly bool _partial;
    private readonly ConcurrentBag<string> _completeFolders = [];

    /// <summary>Files written (changed or new) by the last <see cref="Commit"/>.</summary>
    public int Written { get; private set; }

    private sealed record ManifestEntry(string Fingerprint, long Size, long ModifiedTicks);

    /// <param name="partial">
    /// For a build that writes only what an edit changed, into an output its caller has checked is exactly as the
    /// manifest describes it: files it does not plan are kept with their manifest entries (except under folders
    /// named by <see cref="PlanCompletely"/>), and a planned file with its previous fingerprint is not looked at.
    /// </param>
    public IncrementalOutput(string target, string manifestPath, bool partial = false)
    {
        _target = Path.GetFullPath(target);
        _manifestPath = manifestPath;
        _partial = partial;
        _staging = new OutputStaging(_target);
        _staging.Begin();
        _startedEmpty = !partial && (!Directory.Exists(_target) || !Directory.EnumerateFileSystemEntries(_target).Any());
        _moveWhole = _startedEmpty && !_staging.IsInsideTarget;
        _previous = _startedEmpty ? new(StringComparer.Ordinal) : ReadManifest(manifestPath);
    }

    /// <summary>Finishes or undoes what an interrupted build left of its output (see <see cref="OutputStaging.Recover"/>).</summary>
    /// <returns>Whether there was anything to repair.</returns>
    public static bool Recover(string target) => new OutputStaging(target).Recover();

    /// <summary>Whether every file of the manifest is in the output with the size and time it was left with.</summary>
    public bool PreviousFilesUnchanged() =>
        _previous.Count > 0 && _previous.All(entry => Unchanged(Path.Combine(_target, entry.Key), entry.Value));

    /// <summary>The output's files after <see cref="Commit"/>, relative.</summary>
    public IReadOnlyList<string> Files { get; private set; } = [];

    /// <summary>The files <see cref="Commit"/> wrote, replaced or removed, relative (their folders' times changed).</summary>
    public IReadOnlyList<string> Touched => _touched;
    private readonly List<string> _touched = [];

    /// <summary>In a partial build: the files under this folder are all planned, so the ones not planned go.</summary>
    public void PlanCompletely(string folder) => _completeFolders.Add(folder.TrimEnd('/') + "/");

    /// <param name="fingerprint">What fixes the text (such as the build cache key of a page), when the caller knows it: saves hashing it.</param>
    public void WriteText(string relativePath, string text, string? fingerprint = null)
    {
        if (fingerprint is null) WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));
        else WriteText(relativePath, () => text, fingerprint);
    }

    /// <param name="text">Asked for only when the output does not have the file with this fingerprint yet.</param>
    public void WriteText(string relativePath, Func<string> text, string fingerprint) =>
        Place(relativePath, fingerprint, path => File.WriteAllText(path, text()));

    public void WriteBytes(string relativePath, byte[] bytes) => WriteBytes(relativePath, ContentHash(bytes), () => bytes);

    /// <summary>A file by the SHA-256 of its bytes, which are asked for only when the output does not have them yet.</summary>
    public void WriteBytes(string relativePath, string contentHash, Func<byte[]> bytes) =>
        Place(relativePath, "sha256:" + contentHash, temporary => File.WriteAllBytes(temporary, bytes()));

    /// <summary>What <see cref="WriteBytes(string, string, Func{byte[]})"/> takes as the hash of a file's bytes.</summary>
    public static string ContentHash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Copies a file; it counts as unchanged while the source keeps its path, size and modification time.</summary>
    public void CopyFile(string source, string relativePath)
    {
        Place(relativePath, SourceFingerprint(source), temporary => File.Copy(source, temporary, overwrite: true));
    }

    /// <summary>
    /// Places a file the generator owns and never changes in place (a content-addressed cache entry such as a share
    /// image) as a hard link: no bytes are copied. Falls back to a copy where the file system cannot link.
    /// </summary>
    public void LinkFile(string source, string relativePath)
    {
        Place(relativePath, SourceFingerprint(source), temporary =>
        {
            File.Delete(temporary);
            if (!OperatingSystem.IsWindows() && link(source, temporary) == 0) return;
            File.Copy(source, temporary, overwrite: true);
        });
    }

    private static string SourceFingerprint(string source)
    {
        var info = new FileInfo(source);
        return string.Create(CultureInfo.InvariantCulture, $"file:{info.Length}:{info.LastWriteTimeUtc.Ticks}:{Path.GetFullPath(source)}");
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int link(string oldpath, string newpath);

    /// <summary>Whether the output already has these bytes at the path (as the previous build left them), so <see
    /// cref="WriteBytes(string, string, Func{byte[]})"/> will not ask for them.</summary>
    public bool HasBytes(string relativePath, string contentHash) =>
        IsCurrent(relativePath, "sha256:" + contentHash, Path.Combine(_target, relativePath), out _);

    private bool IsCurrent(string relativePath, string fingerprint, string path, out ManifestEntry before) =>
        _previous.TryGetValue(relativePath, out before!) && before.Fingerprint == fingerprint && (_partial || Unchanged(path, before));

    private void Place(string relativePath, string fingerprint, Action<string> write)
    {
        if (!_planned.TryAdd(relativePath, fingerprint)) throw new InvalidOperationException($"{relativePath} is written twice.");
        if (IsCurrent(relativePath, fingerprint, Path.Combine(_target, relativePath), out var before))
        {
            _unchanged[relativePath] = before;
            return;
        }
        var staged = Path.Combine(_staging.Files, relativePath);
        EnsureDirectory(Path.GetDirectoryName(staged)!);
        write(staged);
        _written[relativePath] = Entry(fingerprint, staged);
        _staged[relativePath] = staged;
    }

    private static ManifestEntry Entry(string fingerprint, string path)
    {
        var info = new FileInfo(path);
        return new ManifestEntry(fingerprint, info.Length, info.LastWriteTimeUtc.Ticks);
    }

    private static bool Unchanged(string path, ManifestEntry entry) =>
        FileStamps.TryGet(path, out var size, out var ticks) && size == entry.Size && ticks == entry.ModifiedTicks;

    // Folders of the staging known to exist: asked once each instead of once per file.
    private readonly ConcurrentDictionary<string, byte> _directories = new(StringComparer.Ordinal);

    private void EnsureDirectory(string directory)
    {
        if (_directories.ContainsKey(directory)) return;
        Directory.CreateDirectory(directory);
        _directories.TryAdd(directory, 0);
    }

    /// <summary>
    /// Moves the files written so far into place before the build is finished (serve shows an edit before the
    /// search index is rebuilt). Only for a build that can no longer fail for its content.
    /// </summary>
    public void Publish()
    {
        _moveWhole = false;
        var moves = _staged.Keys.Where(r => !_published.ContainsKey(r)).Order(StringComparer.Ordinal).ToList();
        _staging.Commit(new OutputStaging.Journal(_manifestPath, moves, [], []));
        foreach (var relative in moves) _published.TryAdd(relative, 0);
    }

    /// <summary>
    /// Puts a few files written so far into place while the build goes on (serve: the pages open in a browser),
    /// keeping what they replace, so a build that fails after all still leaves the previous output as it was.
    /// </summary>
    public void PublishEarly(IEnumerable<string> relativePaths)
    {
        _moveWhole = false;
        foreach (var relative in relativePaths)
        {
            if (!_staged.TryGetValue(relative, out var staged) || !_published.TryAdd(relative, 0)) continue; // unchanged, or out already
            var path = Path.Combine(_target, relative);
            var replaces = File.Exists(path);
            _staging.NoteEarly(relative, replaces);
            if (replaces)
            {
                var backup = Path.Combine(_staging.Backups, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(backup)!);
                File.Move(path, backup);
            }
            else Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(staged, path);
        }
    }

    /// <summary>Moves every changed file into place, removes what this build no longer produces, saves the manifest.</summary>
    public void Commit()
    {
        var manifest = new List<(string Relative, ManifestEntry Entry)>(_planned.Count);
        var occupied = new HashSet<string>(StringComparer.Ordinal); // folders that hold a file of this build
        foreach (var (relative, fingerprint) in _planned)
        {
            var path = Path.Combine(_target, relative);
            for (var folder = Path.GetDirectoryName(path); !_startedEmpty && !_partial && folder is not null && folder.Length > _target.Length && occupied.Add(folder);)
                folder = Path.GetDirectoryName(folder);
            if (_unchanged.TryGetValue(relative, out var entry))
            {
                manifest.Add((relative, entry));
                continue;
            }
            if (_staged.ContainsKey(relative)) Written++;
            _touched.Add(relative);
            manifest.Add((relative, _written.TryGetValue(relative, out var written) ? written : Entry(fingerprint, path)));
        }
        var deletions = new List<string>();
        var folders = new List<string>();
        if (_partial)
        {
            var complete = _completeFolders.ToArray();
            foreach (var (relative, entry) in _previous)
            {
                if (_planned.ContainsKey(relative)) continue;
                if (complete.Any(f => relative.StartsWith(f, StringComparison.Ordinal)))
                {
                    deletions.Add(relative);
                    _touched.Add(relative);
                }
                else manifest.Add((relative, entry));
            }
        }
        // Whatever else is in the output (pages that were removed, files put there by hand) goes, so the output
        // is the same tree a clean build writes. Into an output that began empty only this build wrote, and each
        // folder it made holds a file: no walk over its files.
        else if (!_startedEmpty) FindWhatIsNotPlanned(occupied, deletions, folders);
        WriteManifest(manifest, _staging.StagedManifest);
        Directory.CreateDirectory(Path.GetDirectoryName(_manifestPath)!);
        var moves = _staged.Keys.Where(r => !_published.ContainsKey(r)).Order(StringComparer.Ordinal).ToList();
        if (_moveWhole) MoveWholeTree();
        else _staging.Commit(new OutputStaging.Journal(_manifestPath, moves, deletions, folders));
        _committed = true;
        Directory.Delete(_staging.Folder, recursive: true);
        Files = manifest.Select(m => m.Relative).ToList();
    }

    /// <summary>Into an output that began empty, the staged tree is moved as one: there is no moment of half an output.</summary>
    private void MoveWholeTree()
    {
        if (Directory.Exists(_target)) Directory.Delete(_target); // empty, as it began
        Directory.Move(_staging.Files, _target);
        File.Move(_staging.StagedManifest, _manifestPath, overwrite: true);
    }

    /// <param name="deletions">Gets every file of the output that this build does not plan, relative.</param>
    /// <param name="folders">Gets every folder without a file of this build, relative: empty once those files are gone.</param>
    private void FindWhatIsNotPlanned(HashSet<string> occupied, List<string> deletions, List<string> folders)
    {
        // One walk over files and folders alike (hidden ones too), paths cut from the full path rather than worked
        // out with Path.GetRelativePath, which doubles the walk's time on a big site.
        var entries = new FileSystemEnumerable<(string Path, bool IsDirectory)>(_target,
            (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.IsDirectory),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !_staging.IsInsideTarget || entry.ToFullPath() != _staging.Folder,
        };
        foreach (var (path, isDirectory) in entries)
        {
            if (_staging.IsInsideTarget && path == _staging.Folder) continue;
            var relative = path[(_target.Length + 1)..];
            if (Path.DirectorySeparatorChar != '/') relative = relative.Replace(Path.DirectorySeparatorChar, '/');
            if (isDirectory)
            {
                if (!occupied.Contains(path)) folders.Add(relative);
            }
            else if (!_planned.ContainsKey(relative)) deletions.Add(relative);
        }
    }

    /// <summary>A build that did not commit takes back what it published early and drops its staged files.</summary>
    public void Dispose()
    {
        if (!_committed) _staging.Recover();
    }

    private static Dictionary<string, ManifestEntry> ReadManifest(string path)
    {
        var entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        if (!File.Exists(path)) return entries;
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split('\t');
            if (parts.Length != 4 || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var size)
                || !long.TryParse(parts[3], CultureInfo.InvariantCulture, out var ticks))
            {
                return new(StringComparer.Ordinal); // unreadable: treat every file as changed
            }
            entries[parts[0]] = new ManifestEntry(parts[1], size, ticks);
        }
        return entries;
    }

    /// <param name="manifest">Every file of the output once, in any order: written sorted, one sort rather than a tree of 40,000 inserts.</param>
    private static void WriteManifest(List<(string Relative, ManifestEntry Entry)> manifest, string path)
    {
        manifest.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        var text = new StringBuilder();
        foreach (var (relative, entry) in manifest)
            text.Append(relative).Append('\t').Append(entry.Fingerprint).Append('\t')
                .Append(entry.Size.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(entry.ModifiedTicks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        File.WriteAllText(path, text.ToString());
    }
}
