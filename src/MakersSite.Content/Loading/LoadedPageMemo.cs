using System.Collections.Concurrent;
using System.Globalization;
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
        var bundle = new DirectoryInfo(Path.GetDirectoryName(indexFile)!);
        foreach (var file in bundle.EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
            key.Append(file.FullName).Append('\0').Append(file.Length.ToString(CultureInfo.InvariantCulture)).Append('\0')
                .Append(file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
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
