using MakersSite.Output;
using MakersSite.Search;

namespace MakersSite.Build.Caching;

/// <summary>
/// The search data's files in the build cache, listed by the search key. Unchanged text everywhere means the same
/// files: the listing's. After a small edit the previous build's files are patched where the edited documents'
/// terms are; otherwise the whole index is made. Only files that came out different are stored again, and each goes
/// straight to the output as it comes, so the index is never held whole, and a file the output has is not even read.
/// </summary>
internal static class SearchFilesCache
{
    public sealed record Written(int Files, bool Rebuilt, SearchBundle? Data);

    private static string OutputPath(string path) => $"{SearchIndexWriter.DataFolder}/{path}";

    public static Written Write(BuildContext c, string searchKey)
    {
        var (cache, output) = (c.Cache, c.Output);
        // Every file the output lacks must come out of the pack intact; a damaged one makes the listing a miss (all
        // are tried, so a rebuild stores each damaged file anew), and the index is built again.
        if (cache is not null && ReadListing(cache, searchKey) is { } listing
            && listing.Count(f => output is not null && !output.HasBytes(OutputPath(f.Path), f.Hash) && cache.ReadSearchFile(f.Hash) is null) == 0)
        {
            foreach (var (path, hash) in listing) Keep(cache, output, path, hash);
            return new Written(listing.Count, Rebuilt: false, Data: null);
        }
        var previousListing = Previous(c);
        var previous = previousListing is null ? null : new PreviousSearchFiles(previousListing,
            path => cache!.ReadSearchFile(previousListing[path]) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null);
        var files = new List<(string Path, string Hash)>();
        // From every core: putting a file into the output (hash, compare, write) costs about what making it does.
        var written = c.Search!.Write(file =>
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(file.Text);
            var hash = IncrementalOutput.ContentHash(bytes);
            output?.WriteBytes(OutputPath(file.Path), hash, () => bytes);
            cache?.WriteSearchFile(hash, bytes);
            lock (files) files.Add((file.Path, hash));
        }, c.Options.Serve?.SearchCores, emitConcurrently: true, previous);
        foreach (var path in written.Kept)
        {
            Keep(cache!, output, path, previousListing![path]);
            files.Add((path, previousListing[path]));
        }
        if (cache is not null) WriteListing(cache, searchKey, files);
        return new Written(files.Count, Rebuilt: true, c.Switches.KeepSearchIndex ? written : null);
    }

    /// <summary>
    /// The previous build's files, for patching them; not when the caller wants the whole index (tests). Like a
    /// listing hit, only when every file the output lacks comes out of the pack intact.
    /// </summary>
    private static Dictionary<string, string>? Previous(BuildContext c)
    {
        var (cache, output) = (c.Cache, c.Output);
        return cache is not null && !c.Switches.KeepSearchIndex && c.Search!.PreviousDataKey is { } previousKey
            && ReadListing(cache, previousKey) is { } before
            && before.All(f => output is null || output.HasBytes(OutputPath(f.Path), f.Hash) || cache.ReadSearchFile(f.Hash) is not null)
            ? before.ToDictionary(f => f.Path, f => f.Hash, StringComparer.Ordinal) : null;
    }

    private static void Keep(BuildCache cache, IncrementalOutput? output, string path, string hash)
    {
        cache.KeepSearchFile(hash);
        output?.WriteBytes(OutputPath(path), hash, () => cache.ReadSearchFile(hash) ?? throw new InvalidDataException(
            $"De bouwcache is beschadigd: het zoekindexbestand {path} kan niet gelezen worden. Verwijder de map .cache/build en bouw opnieuw."));
    }

    /// <summary>Entry: the number of files, then each file's path and hash, in path order (files come in any order).</summary>
    private static void WriteListing(BuildCache cache, string key, List<(string Path, string Hash)> files)
    {
        using var entry = cache.Create("search", key);
        using (var writer = new BinaryWriter(entry.Stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(files.Count);
            foreach (var (path, hash) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                writer.Write(path);
                writer.Write(hash);
            }
        }
        entry.Commit();
    }

    /// <summary>The index's files by path and content hash, or null when the listing or any file it names is not in the cache.</summary>
    private static List<(string Path, string Hash)>? ReadListing(BuildCache cache, string key)
    {
        using var stream = cache.OpenRead("search", key);
        if (stream is null) return null;
        try
        {
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8);
            var count = reader.ReadInt32();
            var files = new List<(string Path, string Hash)>(count);
            for (var i = 0; i < count; i++)
            {
                var file = (reader.ReadString(), reader.ReadString());
                if (!cache.HasSearchFile(file.Item2)) return null;
                files.Add(file);
            }
            return files.Count > 0 ? files : null;
        }
        catch (IOException)
        {
            return null; // cut short (EndOfStreamException is an IOException): a miss
        }
    }

    public static SearchAnalysisMemo ReadAnalysis(BuildCache cache, string key)
    {
        using var stream = cache.OpenRead("analysis", key);
        return (stream is null ? null : SearchAnalysisMemo.ReadFrom(stream)) ?? new SearchAnalysisMemo();
    }
}
