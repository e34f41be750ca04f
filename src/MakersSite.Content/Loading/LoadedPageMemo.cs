using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Enumeration;
using System.Text;
using MakersSite.Content.Model;

namespace MakersSite.Content.Loading;

/// <summary>
/// Pages `serve` loaded without problems, kept between rebuilds: a page whose bundle (index.md and the files beside
/// it, by name, size and modification time) and whose vocabularies are unchanged is not read and validated again,
/// so a save re-loads one page instead of the whole site.
/// </summary>
public sealed class LoadedPageMemo
{
    private readonly ConcurrentDictionary<string, (string Key, Page Page)> _pages = new(StringComparer.Ordinal);
    // What changed since the last load, when the caller (serve's file watcher) knows it exactly; null: check everything.
    private IReadOnlyCollection<string>? _changedPaths;
    private ContentListing? _listing;

    /// <summary>
    /// Starts a load. <paramref name="changedPaths"/> are the files that changed since the previous load began, when
    /// that is known exactly and no file or folder was added, removed or renamed; pages outside them are then taken
    /// as they are, without looking at their files. Null means: check every page's files.
    /// </summary>
    public void BeginLoad(IReadOnlyCollection<string>? changedPaths)
    {
        _changedPaths = changedPaths;
        if (changedPaths is null) _listing = null;
    }

    /// <summary>The content files of the previous load, while no file was added, removed or renamed since.</summary>
    internal ContentListing? Listing
    {
        get => _changedPaths is null ? null : _listing;
        set => _listing = value;
    }

    /// <summary>A remembered page whose folder saw no change since the previous load, with the same vocabularies.</summary>
    /// <param name="key">The key the page was remembered under (what loading it read).</param>
    internal bool TryGetUnchanged(string file, string bundleDirectory, string vocabulariesKey, out Page page, out string key)
    {
        page = null!;
        key = "";
        if (_changedPaths is not { } changed || !_pages.TryGetValue(file, out var entry) || !entry.Key.StartsWith(vocabulariesKey, StringComparison.Ordinal)) return false;
        var folder = bundleDirectory + Path.DirectorySeparatorChar;
        foreach (var path in changed)
        {
            if (path.StartsWith(folder, StringComparison.Ordinal)) return false;
        }
        page = entry.Page;
        key = entry.Key;
        return true;
    }

    public bool TryGet(string file, string key, out Page page)
    {
        if (_pages.TryGetValue(file, out var entry) && entry.Key == key)
        {
            page = entry.Page;
            return true;
        }
        page = null!;
        return false;
    }

    public void Remember(string file, string key, Page page) => _pages[file] = (key, page);

    /// <summary>Everything loading a page reads: its bundle's files and the vocabularies its values are checked against.</summary>
    public static string Key(string indexFile, string vocabulariesKey)
    {
        var key = new StringBuilder(vocabulariesKey);
        // Name, size and time straight from the directory listing, without an object per file.
        var files = new FileSystemEnumerable<(string Path, long Length, long Ticks)>(Path.GetDirectoryName(indexFile)!,
            (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.Length, entry.LastWriteTimeUtc.UtcTicks),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            // A linked folder is not followed (the loader refuses links); the link itself is part of the key.
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory || (entry.Attributes & FileAttributes.ReparsePoint) != 0,
        }.ToArray();
        Array.Sort(files, (x, y) => string.CompareOrdinal(x.Path, y.Path));
        foreach (var (path, length, ticks) in files)
            key.Append(path).Append('\0').Append(length.ToString(CultureInfo.InvariantCulture)).Append('\0')
                .Append(ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return key.ToString();
    }

    /// <summary>The vocabularies' part of every key, worked out once per load: a hash, so each page's key stays short.</summary>
    public static string VocabulariesKey(IReadOnlyDictionary<string, Vocabulary> vocabularies)
    {
        var key = new StringBuilder();
        foreach (var (name, vocabulary) in vocabularies.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            key.Append(name).Append(':');
            foreach (var term in vocabulary.Terms) key.Append(term.Slug).Append('\0').Append(term.Name).Append('\0').Append(term.Description).Append('\0');
            key.Append('\n');
        }
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString()))) + "\n";
    }
}

/// <summary>The page files of content/ and the links found in it, as one walk of the folder found them.</summary>
internal sealed record ContentListing(IReadOnlyList<(string Path, string File, PagePlace? Place)> Pages, IReadOnlyList<string> Links);
