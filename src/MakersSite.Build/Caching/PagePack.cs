using System.IO.Hashing;
using System.Text;

namespace MakersSite.Build.Caching;

/// <summary>
/// The finished pages of the build cache in one append-only data file plus an index, instead of a file per page:
/// creating, renaming and failing to open ten thousand small files took a fifth of a clean build's render phase.
/// <para>
/// <c>pages-N.pack</c> holds entries (key, length, checksum, bytes) back to back; <c>pages.index</c> names the pack
/// and where each entry is. New entries are appended past everything the index knows, and the index is replaced
/// (written aside, then renamed) only when the build ends, so a crash leaves at worst unreferenced bytes. Each entry
/// repeats its key and carries the XxHash3 of its bytes, and a read checks both, so an index that does not match its
/// pack, or bytes damaged in place, read as a miss, never as a wrong page.
/// When most of the pack is entries no build uses any more, the live ones are copied into a new pack.
/// </para>
/// Reads and appends are safe from several threads; one build at a time uses a pack (<see cref="BuildCache"/> locks).
/// </summary>
internal sealed class PagePack : IDisposable
{
    private readonly string _name;
    private readonly string _directory;
    private readonly string _packName;
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _pack;
    private readonly Dictionary<string, (long Offset, int Length)> _entries;
    private readonly Dictionary<string, (long Offset, int Length)> _added = new(StringComparer.Ordinal);
    private readonly Lock _appending = new();
    private long _end;

    // Whether the index on disk lists exactly _entries (else Close writes it whole), and the bytes they take in the pack.
    private readonly bool _indexIntact;
    private readonly long _indexedBytes;

    private PagePack(string directory, string name, string packName, Dictionary<string, (long, int)> entries, bool indexIntact)
    {
        _indexIntact = indexIntact;
        _indexedBytes = entries.Sum(e => (long)e.Key.Length + HeaderAfterKey + e.Value.Item2);
        _name = name;
        _directory = directory;
        _packName = packName;
        _entries = entries;
        _pack = File.OpenHandle(Path.Combine(directory, packName), FileMode.OpenOrCreate, FileAccess.ReadWrite);
        _end = RandomAccess.GetLength(_pack);
    }

    /// <summary>Opens the pack the index names, or starts an empty one when there is none or it cannot be read.</summary>
    /// <param name="name">What the files are called: <c>NAME-N.pack</c> and <c>NAME.index</c>.</param>
    public static PagePack Open(string directory, string name = "pages")
    {
        Directory.CreateDirectory(directory);
        var (packName, entries, whole) = ReadIndex(Path.Combine(directory, name + ".index"), Magic(name));
        if (packName is null || !File.Exists(Path.Combine(directory, packName)))
        {
            packName = NextPackName(directory, name, packName);
            return new PagePack(directory, name, packName, new(StringComparer.Ordinal), indexIntact: false);
        }
        return new PagePack(directory, name, packName, entries, indexIntact: whole);
    }

    private static string Magic(string name) => $"makers-site {name} 2";

    // After the key: the length of the bytes and their checksum.
    private const int HeaderAfterKey = sizeof(int) + sizeof(ulong);

    /// <summary>Whether an entry is indexed and lies within the pack (a pack cut short misses its last entries).</summary>
    public bool Contains(string key)
    {
        lock (_appending)
        {
            if (_added.ContainsKey(key)) return true;
            return _entries.TryGetValue(key, out var entry) && entry.Offset + key.Length + HeaderAfterKey + entry.Length <= _end;
        }
    }

    public byte[]? Read(string key) => ReadEntry(key)?.ToArray();

    /// <summary>
    /// The entry's bytes as a segment of the record they were read with: a build after an edit reads every page and
    /// source from the packs, and copying each out of its record would double what that reads into memory.
    /// </summary>
    public ArraySegment<byte>? ReadEntry(string key)
    {
        (long Offset, int Length) entry;
        lock (_appending)
        {
            if (!_added.TryGetValue(key, out entry) && !_entries.TryGetValue(key, out entry)) return null;
        }
        // The whole record (key, length, checksum, bytes) in one read: a system call per entry instead of two.
        var record = new byte[key.Length + HeaderAfterKey + entry.Length];
        try
        {
            if (RandomAccess.Read(_pack, record, entry.Offset) != record.Length) return null;
        }
        catch (IOException)
        {
            return null;
        }
        for (var i = 0; i < key.Length; i++)
            if (record[i] != key[i]) return null;
        var bytes = new ArraySegment<byte>(record, key.Length + HeaderAfterKey, entry.Length);
        if (BitConverter.ToInt32(record, key.Length) != entry.Length
            || BitConverter.ToUInt64(record, key.Length + sizeof(int)) != XxHash3.HashToUInt64(bytes)) return null;
        return bytes;
    }

    public void Append(string key, byte[] bytes)
    {
        // Key, length and checksum, then the bytes as they are, in one write: no copy of the entry into a record.
        var header = new byte[key.Length + HeaderAfterKey];
        Encoding.ASCII.GetBytes(key, header);
        BitConverter.TryWriteBytes(header.AsSpan(key.Length), bytes.Length);
        BitConverter.TryWriteBytes(header.AsSpan(key.Length + sizeof(int)), XxHash3.HashToUInt64(bytes));
        long offset;
        lock (_appending)
        {
            // Written again after a read missed (a damaged entry): the new one replaces the indexed one.
            if (_added.ContainsKey(key)) return;
            offset = _end;
            _end += header.Length + bytes.Length;
            _added[key] = (offset, bytes.Length);
        }
        // Each writer has its own range, so the bytes themselves need no lock.
        RandomAccess.Write(_pack, [header, bytes], offset);
    }

    /// <summary>
    /// Ends the build's use of the pack: its index lists the entries in <paramref name="keep"/> (all of them when
    /// null), copied into a fresh pack first when the pack is mostly dead bytes.
    /// </summary>
    public void Close(Func<string, bool>? keep)
    {
        // Keeping everything with a few entries added (a quick rebuild): the index gets just those, appended.
        if (keep is null && _indexIntact && _end <= 2 * _indexedBytes + (1 << 20))
        {
            _pack.Dispose();
            if (_added.Count > 0) AppendToIndex(_added.OrderBy(e => e.Key, StringComparer.Ordinal).ToList());
            return;
        }
        var live = _entries.Where(e => !_added.ContainsKey(e.Key)).Concat(_added).Where(e => keep?.Invoke(e.Key) ?? true)
            .OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        var liveBytes = live.Sum(e => (long)e.Key.Length + HeaderAfterKey + e.Value.Length);
        var packName = _packName;
        if (_end > 2 * liveBytes + (1 << 20))
        {
            packName = NextPackName(_directory, _name, _packName);
            live = Compact(live, Path.Combine(_directory, packName));
        }
        _pack.Dispose();
        WriteIndex(packName, live);
        foreach (var old in Directory.EnumerateFiles(_directory, $"{_name}-*.pack"))
            if (Path.GetFileName(old) != packName) File.Delete(old);
    }

    public void Dispose() => _pack.Dispose();

    private List<KeyValuePair<string, (long Offset, int Length)>> Compact(List<KeyValuePair<string, (long Offset, int Length)>> live, string path)
    {
        var moved = new List<KeyValuePair<string, (long Offset, int Length)>>(live.Count);
        using var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var buffer = new byte[1 << 16];
        foreach (var (key, entry) in live)
        {
            var length = key.Length + HeaderAfterKey + entry.Length;
            if (buffer.Length < length) buffer = new byte[length];
            if (RandomAccess.Read(_pack, buffer.AsSpan(0, length), entry.Offset) != length) continue;
            moved.Add(new(key, (target.Position, entry.Length)));
            target.Write(buffer, 0, length);
        }
        return moved;
    }

    /// <summary>
    /// Entries appended after those the index lists (see <see cref="ReadIndex"/>): cut short by a crash, the index
    /// keeps every whole entry before the cut, all of which the pack holds.
    /// </summary>
    private void AppendToIndex(List<KeyValuePair<string, (long Offset, int Length)>> entries)
    {
        using var writer = new BinaryWriter(new FileStream(Path.Combine(_directory, _name + ".index"), FileMode.Append, FileAccess.Write), Encoding.UTF8);
        foreach (var (key, (offset, length)) in entries)
        {
            writer.Write(key);
            writer.Write(offset);
            writer.Write(length);
        }
    }

    private void WriteIndex(string packName, List<KeyValuePair<string, (long Offset, int Length)>> entries)
    {
        var path = Path.Combine(_directory, _name + ".index");
        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
        {
            writer.Write(Magic(_name));
            writer.Write(packName);
            writer.Write(entries.Count);
            foreach (var (key, (offset, length)) in entries)
            {
                writer.Write(key);
                writer.Write(offset);
                writer.Write(length);
            }
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <returns>Also whether the file ends after a whole entry, so more can be appended.</returns>
    private static (string? PackName, Dictionary<string, (long, int)> Entries, bool Whole) ReadIndex(string path, string magic)
    {
        var entries = new Dictionary<string, (long, int)>(StringComparer.Ordinal);
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadString() != magic) return (null, entries, false);
            var packName = reader.ReadString();
            var count = reader.ReadInt32();
            entries.EnsureCapacity(count);
            for (var i = 0; i < count; i++) entries[reader.ReadString()] = (reader.ReadInt64(), reader.ReadInt32());
            // Then what quick rebuilds appended (a later entry of the same key replaces the earlier), until the end
            // or a last entry cut short.
            try
            {
                while (reader.BaseStream.Position < reader.BaseStream.Length) entries[reader.ReadString()] = (reader.ReadInt64(), reader.ReadInt32());
            }
            catch (EndOfStreamException)
            {
                return (packName, entries, false); // appending after the cut would run the next entries into it
            }
            return (packName, entries, true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No index yet, or a damaged one (EndOfStreamException is an IOException): start empty.
            return (null, new(StringComparer.Ordinal), false);
        }
    }

    private static string NextPackName(string directory, string name, string? current)
    {
        for (var n = 1; ; n++)
        {
            var packName = $"{name}-{n}.pack";
            if (packName != current && !File.Exists(Path.Combine(directory, packName))) return packName;
        }
    }
}
