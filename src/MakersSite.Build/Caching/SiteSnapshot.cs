using System.IO.Enumeration;
using System.Text;

namespace MakersSite.Build.Caching;

/// <summary>A file's or folder's path (relative, with /), size (-1 for a folder) and modification time.</summary>
internal readonly record struct FileStamp(string Path, long Size, long Ticks)
{
    public bool IsFolder => Size < 0;
}

/// <summary>
/// What a build that wrote its output knew of the site and the output, so the next build can tell from file
/// times alone whether only page texts changed, and then redo just those pages (SiteBuilder's quick rebuild):
/// every file and folder of content/ as the build found them before loading, a stamp of everything else it read
/// (theme, layouts, static files, options, the date), each page as other pages see it (its outline: everything but
/// its body), the cache key of each page's finished HTML, every path of the output, and the output's folders and
/// manifest as the build left them. One per output folder, kept in the build cache.
/// </summary>
internal sealed class SiteSnapshot
{
    private const string Magic = "makers-site snapshot 4";

    public required string Inputs { get; init; }
    public required IReadOnlyList<FileStamp> Content { get; init; }
    /// <summary>Each loaded page (drafts too) in load order: the bytes of its outline (see <see cref="Content.Loading.LoadedPageCodec.EncodeOutline"/>), kept in a file of their own.</summary>
    public required IReadOnlyList<ArraySegment<byte>> Outlines { get; init; }
    /// <summary>Page URL → the build cache key of its finished HTML.</summary>
    public required IReadOnlyDictionary<string, string> PageKeys { get; init; }
    /// <summary>Every file of the output but the search data's, sorted (links are checked against them).</summary>
    public required IReadOnlyList<string> OutputPaths { get; init; }
    /// <summary>The pages the site publishes: every one has a key.</summary>
    public int PageCount => PageKeys.Count;
    public required IReadOnlyList<FileStamp> OutputFolders { get; init; }
    public required FileStamp Manifest { get; init; }

    /// <summary>The search data's key (names exactly the documents the search analysis in the cache holds).</summary>
    public required string SearchKey { get; init; }
    /// <summary>Names the .pages file the .bin file belongs with (see <see cref="Write"/>).</summary>
    public string OutlinesId { get; init; } = "";

    public static string PathFor(string cacheDirectory, string outputManifest) =>
        Path.Combine(cacheDirectory, Path.GetFileNameWithoutExtension(outputManifest).Replace("output-", "snapshot-") + ".bin");

    private static string OutlinesPath(string path) => Path.ChangeExtension(path, ".pages");

    /// <summary>
    /// Writes the snapshot in two files: what a quick rebuild leaves as it is (the outlines and every path and
    /// address, in the .pages file) and what it changes (sizes, times and keys, in the .bin file, a fifth of the size
    /// the paths would make it). With <paramref name="everything"/> false only the .bin file is written;
    /// <paramref name="previous"/> is then the snapshot the .pages file belongs to, whose paths must be this one's.
    /// </summary>
    public void Write(string path, bool everything, SiteSnapshot? previous = null)
    {
        var urls = PageKeys.Keys.Order(StringComparer.Ordinal).ToList();
        if (!everything && (previous is null || !SamePaths(previous, urls))) everything = true;
        var outlinesId = everything ? Guid.NewGuid().ToString("N") : OutlinesId;
        if (everything)
        {
            WriteChecked(OutlinesPath(path), writer =>
            {
                writer.Write(outlinesId);
                writer.Write(Outlines.Count);
                foreach (var outline in Outlines)
                {
                    writer.Write(outline.Count);
                    writer.Write(outline);
                }
                WriteAll(writer, Content.Select(c => c.Path).ToList());
                WriteAll(writer, urls);
                WriteAll(writer, OutputPaths);
                WriteAll(writer, OutputFolders.Select(f => f.Path).ToList());
            });
        }
        WriteChecked(path, writer =>
        {
            writer.Write(BuildCache.GeneratorStamp);
            writer.Write(outlinesId);
            writer.Write(Inputs);
            writer.Write(SearchKey);
            foreach (var stamps in new[] { Content, OutputFolders })
            {
                writer.Write(stamps.Count);
                foreach (var stamp in stamps)
                {
                    writer.Write(stamp.Size);
                    writer.Write(stamp.Ticks);
                }
            }
            writer.Write(urls.Count);
            var key = new byte[32];
            foreach (var url in urls)
            {
                // Keys are SHA-256 hashes in hexadecimal: their 32 bytes.
                if (Convert.FromHexString(PageKeys[url], key, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
                    throw new InvalidOperationException($"A page key is not a SHA-256 hash: {PageKeys[url]}");
                writer.Write(key);
            }
            writer.Write(Manifest.Path);
            writer.Write(Manifest.Size);
            writer.Write(Manifest.Ticks);
        });
    }

    private bool SamePaths(SiteSnapshot previous, List<string> urls) =>
        previous.Content.Select(c => c.Path).SequenceEqual(Content.Select(c => c.Path))
        && previous.OutputFolders.Select(f => f.Path).SequenceEqual(OutputFolders.Select(f => f.Path))
        && (ReferenceEquals(previous.OutputPaths, OutputPaths) || previous.OutputPaths.SequenceEqual(OutputPaths))
        && previous.PageKeys.Count == urls.Count && urls.All(previous.PageKeys.ContainsKey);

    private static void WriteAll(BinaryWriter writer, IReadOnlyList<string> items)
    {
        writer.Write(items.Count);
        foreach (var item in items) writer.Write(item);
    }

    private static string[] ReadAll(BinaryReader reader)
    {
        var items = new string[Count(reader)];
        for (var i = 0; i < items.Length; i++) items[i] = reader.ReadString();
        return items;
    }

    /// <summary>The snapshot, or null when there is none, it is another generator's, or it cannot be read.</summary>
    public static SiteSnapshot? Read(string path)
    {
        try
        {
            if (ReadChecked(path) is not { } reader || reader.ReadString() != BuildCache.GeneratorStamp) return null;
            var outlinesId = reader.ReadString();
            var inputs = reader.ReadString();
            var searchKey = reader.ReadString();
            var values = new (long Size, long Ticks)[2][];
            for (var v = 0; v < 2; v++)
            {
                values[v] = new (long, long)[Count(reader)];
                for (var i = 0; i < values[v].Length; i++) values[v][i] = (reader.ReadInt64(), reader.ReadInt64());
            }
            var keys = new string[Count(reader)];
            for (var i = 0; i < keys.Length; i++) keys[i] = Convert.ToHexStringLower(reader.ReadBytes(32));
            var manifest = new FileStamp(reader.ReadString(), reader.ReadInt64(), reader.ReadInt64());

            if (ReadChecked(OutlinesPath(path)) is not { } pages || pages.ReadString() != outlinesId) return null;
            // Each outline a slice of the file's bytes, not a copy.
            var buffer = ((MemoryStream)pages.BaseStream).GetBuffer();
            var outlines = new ArraySegment<byte>[Count(pages)];
            for (var i = 0; i < outlines.Length; i++)
            {
                var length = Count(pages);
                var at = (int)pages.BaseStream.Position;
                outlines[i] = new ArraySegment<byte>(buffer, at, length);
                pages.BaseStream.Position = at + length;
            }
            var contentPaths = ReadAll(pages);
            var urls = ReadAll(pages);
            var outputPaths = ReadAll(pages);
            var folderPaths = ReadAll(pages);
            if (contentPaths.Length != values[0].Length || folderPaths.Length != values[1].Length || urls.Length != keys.Length) return null;
            var pageKeys = new Dictionary<string, string>(urls.Length, StringComparer.Ordinal);
            for (var i = 0; i < urls.Length; i++) pageKeys[urls[i]] = keys[i];
            return new SiteSnapshot
            {
                OutlinesId = outlinesId, Inputs = inputs, SearchKey = searchKey, Outlines = outlines, PageKeys = pageKeys,
                Content = contentPaths.Select((p, i) => new FileStamp(p, values[0][i].Size, values[0][i].Ticks)).ToList(),
                OutputPaths = outputPaths,
                OutputFolders = folderPaths.Select((p, i) => new FileStamp(p, values[1][i].Size, values[1][i].Ticks)).ToList(),
                Manifest = manifest,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or OutOfMemoryException)
        {
            return null; // none yet (FileNotFoundException is an IOException), cut short or damaged: a full build
        }
    }

    /// <summary>A count or length, which can never be more than the bytes left (else the file is damaged).</summary>
    private static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > reader.BaseStream.Length - reader.BaseStream.Position) throw new FormatException("Count out of range.");
        return count;
    }

    /// <summary>
    /// After a build that failed: it left the output as it was (and so this snapshot's description of it), but its
    /// folders' times changed as it wrote and removed files in them. Only while the output's manifest is the one
    /// the snapshot names, that is, while no build has written the output since.
    /// </summary>
    public static void RestampOutputFolders(string path, string manifestPath, string outputDirectory)
    {
        if (Read(path) is not { } snapshot || Stamp("", manifestPath) != snapshot.Manifest) return;
        var folders = snapshot.OutputFolders.Select(f => Stamp(outputDirectory, f.Path)).ToList();
        new SiteSnapshot
        {
            OutlinesId = snapshot.OutlinesId, Inputs = snapshot.Inputs, SearchKey = snapshot.SearchKey, Content = snapshot.Content,
            Outlines = snapshot.Outlines, PageKeys = snapshot.PageKeys, OutputPaths = snapshot.OutputPaths,
            OutputFolders = folders, Manifest = snapshot.Manifest,
        }.Write(path, everything: false, previous: snapshot);
    }

    /// <summary>Writes aside, then into place: the magic, what <paramref name="write"/> writes, and a checksum of it.</summary>
    private static void WriteChecked(string path, Action<BinaryWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            write(writer);
        }
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        {
            file.Write(bytes);
            file.Write(BitConverter.GetBytes(System.IO.Hashing.XxHash3.HashToUInt64(bytes)));
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A reader past the magic, or null when the file is not one <see cref="WriteChecked"/> wrote intact.</summary>
    private static BinaryReader? ReadChecked(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < sizeof(ulong)) return null;
        var body = bytes.AsSpan(0, bytes.Length - sizeof(ulong));
        if (BitConverter.ToUInt64(bytes, body.Length) != System.IO.Hashing.XxHash3.HashToUInt64(body)) return null;
        var reader = new BinaryReader(new MemoryStream(bytes, 0, body.Length, writable: false, publiclyVisible: true), Encoding.UTF8);
        return reader.ReadString() == Magic ? reader : null;
    }

    /// <summary>Every file and folder under <paramref name="folder"/> (itself included) with paths relative to
    /// <paramref name="root"/>, sorted; folders named in <paramref name="skip"/> are left out with what they hold.</summary>
    public static List<FileStamp> Walk(string root, string folder, params string[] skip)
    {
        var start = Path.Combine(root, folder);
        var stamps = new List<FileStamp>();
        if (!Directory.Exists(start)) return stamps;
        stamps.Add(Stamp(root, folder));
        var prefix = Path.GetFullPath(root).Length + 1;
        stamps.AddRange(new FileSystemEnumerable<FileStamp>(start,
            (ref FileSystemEntry entry) => new FileStamp(entry.ToFullPath()[prefix..].Replace('\\', '/'),
                entry.IsDirectory ? -1 : entry.Length, entry.LastWriteTimeUtc.UtcTicks),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !skip.Contains(entry.FileName.ToString()),
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !(entry.IsDirectory && skip.Contains(entry.FileName.ToString())),
        });
        stamps.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return stamps;
    }

    /// <summary>A file's or folder's stamp as it is now (size 0 and time 0 when it does not exist).</summary>
    public static FileStamp Stamp(string root, string relativePath) =>
        Output.FileStamps.TryGet(Path.Combine(root, relativePath), out var size, out var ticks) ? new FileStamp(relativePath, size, ticks) : new FileStamp(relativePath, 0, 0);

    /// <summary>
    /// Everything a build reads besides content/ and the generator: the themes (their installed packages by
    /// npm's lock file), the site's layouts and static files, and the options and date the build ran with.
    /// </summary>
    public static string InputsStamp(string root, BuildOptions options, DateOnly today, bool postProcessWithTree)
    {
        var text = new StringBuilder();
        text.Append(BuildCache.GeneratorStamp).Append('\n')
            .Append(options.BaseUrl).Append('\n').Append(options.IncludeDrafts).Append('\n')
            .Append(postProcessWithTree).Append('\n').Append(options.OutputDirectory).Append('\n')
            .Append(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        var stamps = Walk(root, "themes", "node_modules").Concat(Walk(root, "layouts")).Concat(Walk(root, "static"));
        if (Directory.Exists(Path.Combine(root, "themes")))
            foreach (var theme in Directory.GetDirectories(Path.Combine(root, "themes")).Order(StringComparer.Ordinal))
                stamps = stamps.Append(Stamp(root, Path.GetRelativePath(root, Path.Combine(theme, "node_modules", ".package-lock.json")).Replace('\\', '/')));
        foreach (var stamp in stamps) text.Append(stamp.Path).Append('\0').Append(stamp.Size).Append('\0').Append(stamp.Ticks).Append('\n');
        return BuildCache.Hash(text.ToString());
    }
}
