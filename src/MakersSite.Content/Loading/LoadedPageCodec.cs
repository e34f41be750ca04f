using System.Text;
using MakersSite.Content.Model;

namespace MakersSite.Content.Loading;

/// <summary>
/// Pages loaded by earlier builds, kept outside the process (the build cache) under a key of everything loading
/// them read (<see cref="LoadedPageMemo.Key"/>), so a build reads and validates only the files that changed.
/// </summary>
public interface ILoadedPageStore
{
    Page? Read(string key);
    void Write(string key, Page page);
    /// <summary>The entry is still wanted, though this build took the page from elsewhere (serve's memory).</summary>
    void Keep(string key);
}

/// <summary>
/// A loaded page as bytes and back, every property as loading made it: field values keep their CLR types
/// (string, long, bool, DateOnly, lists, groups) and their order, so a page from the cache renders byte for byte
/// like one read from its file.
/// </summary>
public static class LoadedPageCodec
{
    private const byte FormatVersion = 2;
    private enum Tag : byte { Null, Text, Number, Flag, Date, List, Group }

    /// <summary>The page as bytes, or null when a value has a type this format does not know (then it is not kept).</summary>
    public static byte[]? Encode(Page page) => Encode(page, outline: false);

    /// <summary>
    /// The page as other pages see it: everything but its body (the HTML, where it starts, its links), which only
    /// the page itself shows. Two versions of a page with the same outline differ on no other page. Decoded, a
    /// page with an empty body.
    /// </summary>
    public static byte[]? EncodeOutline(Page page) => Encode(page, outline: true);

    private static byte[]? Encode(Page page, bool outline)
    {
        using var buffer = new MemoryStream();
        using var writer = new BinaryWriter(buffer, Encoding.UTF8);
        writer.Write(FormatVersion);
        writer.Write(page.SourceFile);
        writer.Write(page.BundleDirectory);
        writer.Write((byte)page.Kind);
        writer.Write(page.Section is not null);
        if (page.Section is not null) writer.Write(page.Section);
        writer.Write(page.Slug);
        writer.Write(page.Url);
        if (!TryWriteGroup(writer, page.Fields)) return null;
        byte[] body = outline ? [] : page.BodyUtf8;
        writer.Write(body.Length);
        writer.Write(body);
        writer.Write(outline ? 0 : page.BodyLine);
        WriteAll(writer, page.References, (w, r) => { w.Write(r.Section); w.Write(r.Slug); w.Write(r.Field); w.Write(r.Line); w.Write(r.Column); });
        WriteAll(writer, outline ? Array.Empty<BodyLink>() : page.BodyLinks, (w, l) => { w.Write(l.Url); w.Write(l.Line); w.Write(l.Column); w.Write(l.IsImage); });
        WriteAll(writer, page.BundleFiles, (w, name) => w.Write(name));
        // Last, and read only when asked for: only messages need them, and they are a good part of a page's strings.
        WriteAll(writer, page.FieldPositions.ToList(), (w, p) => { w.Write(p.Key); w.Write(p.Value.Line); w.Write(p.Value.Column); });
        writer.Flush();
        return buffer.ToArray();
    }

    /// <summary>The page the bytes hold, or null when they are not a page of this format (a damaged entry is a miss).</summary>
    public static Page? Decode(ArraySegment<byte> bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false), Encoding.UTF8);
            if (reader.ReadByte() != FormatVersion) return null;
            var sourceFile = reader.ReadString();
            var bundleDirectory = reader.ReadString();
            var kind = (PageKind)reader.ReadByte();
            var section = reader.ReadBoolean() ? reader.ReadString() : null;
            var slug = reader.ReadString();
            var url = reader.ReadString();
            if (ReadValue(reader) is not Dictionary<string, object?> fields) return null;
            var body = reader.ReadBytes(Count(reader));
            var bodyLine = reader.ReadInt32();
            var references = ReadAll(reader, r => new PageRef(r.ReadString(), r.ReadString(), r.ReadString(), r.ReadInt32(), r.ReadInt32()));
            var links = ReadAll(reader, r => new BodyLink(r.ReadString(), r.ReadInt32(), r.ReadInt32(), r.ReadBoolean()));
            var files = ReadAll(reader, r => r.ReadString());
            var positionCount = Count(reader);
            var positions = new LazyPositions(bytes.Slice((int)reader.BaseStream.Position), positionCount);
            return new Page
            {
                SourceFile = sourceFile,
                BundleDirectory = bundleDirectory,
                Kind = kind,
                Section = section,
                Slug = slug,
                Url = url,
                Fields = fields,
                BodyHtml = "", // replaced by the bytes themselves, without a round trip through a string
                BodyUtf8 = body,
                BodyLine = bodyLine,
                References = references,
                FieldPositions = positions,
                BodyLinks = links,
                BundleFiles = files,
            };
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Field positions decoded on first use. A damaged list reads as no positions (messages then name the file
    /// without a line); the rest of the entry is checked when it is read.
    /// </summary>
    private sealed class LazyPositions(ArraySegment<byte> bytes, int count) : IReadOnlyDictionary<string, FieldPosition>
    {
        private Dictionary<string, FieldPosition> Positions => LazyInitializer.EnsureInitialized(ref field, () =>
        {
            var positions = new Dictionary<string, FieldPosition>(count, StringComparer.Ordinal);
            try
            {
                using var reader = new BinaryReader(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false), Encoding.UTF8);
                for (var i = 0; i < count; i++) positions[reader.ReadString()] = new FieldPosition(reader.ReadInt32(), reader.ReadInt32());
            }
            catch (Exception e) when (e is EndOfStreamException or IOException or FormatException)
            {
                positions.Clear();
            }
            return positions;
        });

        public FieldPosition this[string key] => Positions[key];
        public IEnumerable<string> Keys => Positions.Keys;
        public IEnumerable<FieldPosition> Values => Positions.Values;
        public int Count => Positions.Count;
        public bool ContainsKey(string key) => Positions.ContainsKey(key);
        public bool TryGetValue(string key, out FieldPosition value) => Positions.TryGetValue(key, out value);
        public IEnumerator<KeyValuePair<string, FieldPosition>> GetEnumerator() => Positions.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static void WriteAll<T>(BinaryWriter writer, IReadOnlyCollection<T> items, Action<BinaryWriter, T> write)
    {
        writer.Write(items.Count);
        foreach (var item in items) write(writer, item);
    }

    private static List<T> ReadAll<T>(BinaryReader reader, Func<BinaryReader, T> read)
    {
        var items = new List<T>();
        for (var i = Count(reader); i > 0; i--) items.Add(read(reader));
        return items;
    }

    /// <summary>A count or length, which can never be more than the bytes left (else the entry is damaged).</summary>
    private static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > reader.BaseStream.Length - reader.BaseStream.Position) throw new FormatException("Count out of range.");
        return count;
    }

    private static bool TryWriteGroup(BinaryWriter writer, IReadOnlyDictionary<string, object?> group)
    {
        writer.Write((byte)Tag.Group);
        writer.Write(group.Count);
        foreach (var (name, value) in group)
        {
            writer.Write(name);
            if (!TryWriteValue(writer, value)) return false;
        }
        return true;
    }

    private static bool TryWriteValue(BinaryWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.Write((byte)Tag.Null);
                return true;
            case string text:
                writer.Write((byte)Tag.Text);
                writer.Write(text);
                return true;
            case long number:
                writer.Write((byte)Tag.Number);
                writer.Write(number);
                return true;
            case bool flag:
                writer.Write((byte)Tag.Flag);
                writer.Write(flag);
                return true;
            case DateOnly date:
                writer.Write((byte)Tag.Date);
                writer.Write(date.DayNumber);
                return true;
            case Dictionary<string, object?> group:
                return TryWriteGroup(writer, group);
            case List<object?> list:
                writer.Write((byte)Tag.List);
                writer.Write(list.Count);
                foreach (var item in list)
                    if (!TryWriteValue(writer, item)) return false;
                return true;
            default:
                return false;
        }
    }

    private static object? ReadValue(BinaryReader reader)
    {
        switch ((Tag)reader.ReadByte())
        {
            case Tag.Null: return null;
            case Tag.Text: return reader.ReadString();
            case Tag.Number: return reader.ReadInt64();
            case Tag.Flag: return reader.ReadBoolean();
            case Tag.Date: return DateOnly.FromDayNumber(reader.ReadInt32());
            case Tag.List:
            {
                var list = new List<object?>();
                for (var i = Count(reader); i > 0; i--) list.Add(ReadValue(reader));
                return list;
            }
            case Tag.Group:
            {
                var group = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = Count(reader); i > 0; i--) group.Add(reader.ReadString(), ReadValue(reader));
                return group;
            }
            default: throw new FormatException("Unknown value tag.");
        }
    }
}
