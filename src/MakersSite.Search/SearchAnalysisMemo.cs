using System.Text;
using MakersSite.Search.Analysis;

namespace MakersSite.Search;

/// <summary>
/// What one build keeps of its search analysis for the next: the numbered words, their stems and each document's
/// analysis by fingerprint, so a rebuild after an edit analyses the edited document, not the whole site. serve keeps
/// it in memory; a build keeps it in the build cache (<see cref="WriteTo"/>, <see cref="ReadFrom"/>).
/// Used by one build at a time.
/// </summary>
public sealed class SearchAnalysisMemo
{
    private const string Magic = "makers-site search analysis 4";

    internal WordTable Words { get; } = new();
    internal string?[] Stems { get; set; } = [];
    internal IReadOnlyDictionary<string, SearchEntry> Entries { get; set; } = new Dictionary<string, SearchEntry>();
    /// <summary>What the search data of the last build was made of, for patching it (null: none, or not of these entries).</summary>
    internal SearchIndexState? Index { get; set; }

    /// <summary>How many documents' analyses it holds.</summary>
    public int Documents => Entries.Count;

    /// <summary>
    /// Writes the entries of the last build (texts kept for tests are not written) with only the words they use,
    /// numbered anew in the word table's order, so words edited away over many builds do not pile up. When no word
    /// read from the previous memo went out of use, those words keep their numbers, and the entries read with them
    /// are written back as the bytes they were read from (decoding and encoding twelve million word numbers at 10,000
    /// pages took ~0.4 s of every rebuild after an edit).
    /// </summary>
    public void WriteTo(Stream stream)
    {
        var entries = Entries.Values.Where(e => e.Kept is null).OrderBy(e => e.Url, StringComparer.Ordinal).ToList();
        // The words in use: the index state counts them for exactly these entries; otherwise look at every entry.
        var used = new bool[Words.Count];
        if (IndexFits(entries) is { } state)
        {
            for (var w = 0; w < Math.Min(used.Length, state.Occurrences.Length); w++) used[w] = state.Occurrences[w] > 0;
        }
        else
        {
            foreach (var entry in entries)
                foreach (var field in entry.Words)
                    foreach (var word in field) used[word] = true;
        }
        var renumbered = new int[Words.Count];
        Array.Fill(renumbered, -1);
        var words = new List<int>();
        for (var w = 0; w < used.Length; w++)
        {
            if (!used[w]) continue;
            renumbered[w] = words.Count;
            words.Add(w);
        }
        // Per word list a memo was read with: whether its words keep their numbers, so its entries' bytes stay valid.
        var unchanged = new Dictionary<int[], bool>(ReferenceEqualityComparer.Instance);
        bool KeepsNumbers(int[] numbers)
        {
            if (unchanged.TryGetValue(numbers, out var keeps)) return keeps;
            keeps = true;
            for (var i = 0; i < numbers.Length && keeps; i++) keeps = renumbered[numbers[i]] == i;
            return unchanged[numbers] = keeps;
        }

        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(words.Count);
        foreach (var word in words)
        {
            writer.Write(Words[word]);
            var stem = word < Stems.Length ? Stems[word] : null;
            writer.Write(stem is not null);
            if (stem is not null) writer.Write(stem);
        }
        writer.Write(entries.Count);
        var encoded = new byte[1024];
        foreach (var entry in entries)
        {
            // An entry as it was read, with its words numbered as they were: its bytes, as they were.
            if (entry.Raw is { } raw && entry.PageKey == raw.PageKey && entry.Encoded is { } unchangedWords && KeepsNumbers(unchangedWords.Numbers))
            {
                writer.Write(unchangedWords.Data, raw.Offset, raw.Length);
                continue;
            }
            writer.Write(entry.Url);
            writer.Write(entry.PageKey ?? "");
            writer.Write(entry.Hash.Length);
            writer.Write(entry.Hash);
            writer.Write(entry.Shown.DisplayJsonUtf8.Length);
            writer.Write(entry.Shown.DisplayJsonUtf8.Span);
            WriteFacet(writer, entry.Shown.Type);
            writer.Write(entry.Shown.Facets.Count);
            foreach (var facet in entry.Shown.Facets) WriteFacet(writer, facet);
            if (entry.Encoded is { } read && KeepsNumbers(read.Numbers))
            {
                writer.Write(read.Fields.Length);
                foreach (var (offset, count, length) in read.Fields)
                {
                    writer.Write(count);
                    writer.Write(length);
                    writer.Write(read.Data, offset, length);
                }
                continue;
            }
            writer.Write(entry.Words.Length);
            foreach (var field in entry.Words)
            {
                // The bytes Write7BitEncodedInt would write, written as one span: it takes a call into the stream per byte.
                if (encoded.Length < field.Length * 5) encoded = new byte[field.Length * 5];
                var length = 0;
                foreach (var word in field)
                {
                    var value = (uint)renumbered[word];
                    while (value >= 0x80)
                    {
                        encoded[length++] = (byte)(value | 0x80);
                        value >>= 7;
                    }
                    encoded[length++] = (byte)value;
                }
                writer.Write(field.Length);
                writer.Write(length);
                writer.Write(encoded, 0, length);
            }
        }
        WriteIndexState(writer, entries, words, renumbered);
    }

    /// <summary>The index state when it describes exactly these entries (in URL order), or null.</summary>
    private SearchIndexState? IndexFits(List<SearchEntry> entries)
    {
        var state = Index;
        if (state is null || state.Urls.Length != entries.Count) return null;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Url != state.Urls[i] || !entries[i].Hash.AsSpan().SequenceEqual(state.Hashes[i])) return null;
        }
        return state;
    }

    /// <summary>The index state, when it describes exactly these entries, with its word numbers renumbered as theirs.</summary>
    private void WriteIndexState(BinaryWriter writer, List<SearchEntry> entries, List<int> words, int[] renumbered)
    {
        var state = IndexFits(entries);
        var fits = state is not null && words.All(w => w >= state.Parts.Length || state.Parts[w].All(p => renumbered[p] >= 0));
        writer.Write(fits);
        if (!fits) return;
        writer.Write(state!.Key);
        foreach (var word in words)
        {
            writer.Write(word < state.Occurrences.Length ? state.Occurrences[word] : 0);
            var parts = word < state.Parts.Length ? state.Parts[word] : [];
            writer.Write(parts.Length);
            foreach (var part in parts) writer.Write(renumbered[part]);
        }
        writer.Write(state.TotalLengths.Length);
        foreach (var total in state.TotalLengths) writer.Write(total);
        foreach (var ranges in new[] { state.Shards, state.TermLists })
        {
            writer.Write(ranges.Count);
            foreach (var (first, path) in ranges)
            {
                writer.Write(first);
                writer.Write(path);
            }
        }
    }

    private static SearchIndexState? ReadIndexState(BinaryReader reader, int[] numbers, int wordCount, IReadOnlyCollection<SearchEntry> entries)
    {
        if (!reader.ReadBoolean()) return null;
        var key = reader.ReadString();
        var occurrences = new int[wordCount];
        var parts = new int[wordCount][];
        Array.Fill(parts, []);
        foreach (var number in numbers)
        {
            occurrences[number] = reader.ReadInt32();
            var these = new int[Count(reader)];
            for (var p = 0; p < these.Length; p++)
            {
                var part = reader.ReadInt32();
                if (part < 0 || part >= numbers.Length) throw new FormatException("Part out of range.");
                these[p] = numbers[part];
            }
            parts[number] = these;
        }
        var totals = new long[Count(reader)];
        for (var f = 0; f < totals.Length; f++) totals[f] = reader.ReadInt64();
        var ranges = new List<(string, string)>[2];
        for (var r = 0; r < 2; r++)
        {
            ranges[r] = [];
            for (var i = Count(reader); i > 0; i--) ranges[r].Add((reader.ReadString(), reader.ReadString()));
        }
        var ordered = entries.OrderBy(e => e.Url, StringComparer.Ordinal).ToList();
        return new SearchIndexState
        {
            Key = key, Urls = ordered.Select(e => e.Url).ToArray(), Hashes = ordered.Select(e => e.Hash).ToArray(),
            Occurrences = occurrences, Parts = parts, TotalLengths = totals, Shards = ranges[0], TermLists = ranges[1],
        };
    }

    /// <summary>A memo as <see cref="WriteTo"/> wrote it, or null when the bytes are not one (a damaged entry starts afresh).</summary>
    public static SearchAnalysisMemo? ReadFrom(Stream stream)
    {
        try
        {
            // Read whole first: the counts are checked against the bytes left, which a file would answer with a system call each time.
            MemoryStream bytes;
            if (stream.CanSeek)
            {
                // Exactly its size: a growing copy would briefly take three times that.
                var buffer = new byte[stream.Length - stream.Position];
                stream.ReadExactly(buffer);
                bytes = new MemoryStream(buffer, 0, buffer.Length, writable: false, publiclyVisible: true);
            }
            else
            {
                bytes = new MemoryStream();
                stream.CopyTo(bytes);
                bytes.Position = 0;
            }
            var data = bytes.GetBuffer();
            using var reader = new BinaryReader(bytes, Encoding.UTF8);
            if (reader.ReadString() != Magic) return null;
            var memo = new SearchAnalysisMemo();
            var count = Count(reader);
            var numbers = new int[count];
            var stems = new List<(int Number, string Stem)>();
            for (var i = 0; i < count; i++)
            {
                numbers[i] = memo.Words.Number(reader.ReadString());
                if (reader.ReadBoolean()) stems.Add((numbers[i], reader.ReadString()));
            }
            memo.Stems = new string?[memo.Words.Count];
            foreach (var (number, stem) in stems) memo.Stems[number] = stem;
            var entries = new Dictionary<string, SearchEntry>(StringComparer.Ordinal);
            var knownFacets = new Dictionary<int, (byte[] Bytes, FacetValue Value)>();
            for (var e = Count(reader); e > 0; e--)
            {
                var start = (int)bytes.Position;
                var url = reader.ReadString();
                var pageKey = reader.ReadString();
                var hash = reader.ReadBytes(Count(reader));
                // What a result shows stays in the buffer it was read into (it is most of the memo).
                var displayLength = Count(reader);
                var display = new ReadOnlyMemory<byte>(data, (int)bytes.Position, displayLength);
                bytes.Position += displayLength;
                var type = ReadFacet(reader, data, knownFacets);
                var facets = new List<FacetValue>();
                for (var f = Count(reader); f > 0; f--) facets.Add(ReadFacet(reader, data, knownFacets));
                // The word numbers stay encoded until something asks for them (after an edit, few are).
                var fields = new (int Offset, int Count, int Length)[Count(reader)];
                for (var f = 0; f < fields.Length; f++)
                {
                    var wordCount = Count(reader);
                    var length = Count(reader);
                    var offset = (int)bytes.Position;
                    if (!EncodedWords.Valid(data.AsSpan(offset, length), wordCount)) return null;
                    fields[f] = (offset, wordCount, length);
                    bytes.Position += length;
                }
                var key = pageKey.Length > 0 ? pageKey : null;
                entries[Convert.ToHexString(hash)] = new SearchEntry(url, new IndexedDocument(display, type, facets), hash, null)
                    { PageKey = key, Encoded = new EncodedWords(data, numbers, fields), Raw = (start, (int)bytes.Position - start, key) };
            }
            memo.Entries = entries;
            memo.Index = ReadIndexState(reader, numbers, memo.Words.Count, entries.Values);
            return memo;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException)
        {
            return null;
        }
    }

    private static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > reader.BaseStream.Length - reader.BaseStream.Position) throw new FormatException("Count out of range.");
        return count;
    }

    private static void WriteFacet(BinaryWriter writer, FacetValue facet)
    {
        writer.Write(facet.Facet);
        writer.Write(facet.Slug);
        writer.Write(facet.Label);
    }

    private static FacetValue ReadFacet(BinaryReader reader) => new(reader.ReadString(), reader.ReadString(), reader.ReadString());

    /// <summary>A facet value as <see cref="ReadFacet(BinaryReader)"/> reads it, but each distinct one made once: ten
    /// thousand documents share a few dozen sectors and municipalities.</summary>
    private static FacetValue ReadFacet(BinaryReader reader, byte[] data, Dictionary<int, (byte[] Bytes, FacetValue Value)> known)
    {
        var start = (int)reader.BaseStream.Position;
        for (var i = 0; i < 3; i++)
        {
            var length = reader.Read7BitEncodedInt();
            if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position) throw new FormatException("Length out of range.");
            reader.BaseStream.Position += length;
        }
        var raw = data.AsSpan(start, (int)reader.BaseStream.Position - start);
        var hasher = new HashCode();
        hasher.AddBytes(raw);
        var hash = hasher.ToHashCode();
        if (known.TryGetValue(hash, out var found) && raw.SequenceEqual(found.Bytes)) return found.Value;
        reader.BaseStream.Position = start;
        var value = ReadFacet(reader);
        known[hash] = (raw.ToArray(), value);
        return value;
    }
}

/// <summary>One document as the search data keeps it. Words: per analysed field the numbers of its words, stop words
/// left out (read from a memo, decoded when first asked for). Shown: what a result shows, as UTF-8. Hash: the
/// fingerprint of everything the entry was made from.</summary>
internal sealed record SearchEntry(string Url, IndexedDocument Shown, byte[] Hash, SearchDocument? Kept)
{
    private int[][]? _words;

    public int[][] Words
    {
        get => _words ?? LazyInitializer.EnsureInitialized(ref _words, () => Encoded!.Decode());
        init => _words = value;
    }

    /// <summary>The words as a memo's bytes hold them, when the entry was read from one.</summary>
    public EncodedWords? Encoded { get; init; }

    /// <summary>Where the whole entry is in the buffer of <see cref="Encoded"/>, and the page key it was read with.</summary>
    public (int Offset, int Length, string? PageKey)? Raw { get; init; }

    /// <summary>The build cache's key of the finished page the texts came from, when the caller named it: a later build
    /// that has the same page takes this entry without reading the page's texts (<see cref="SearchIndexBuilder.TryAddUnchanged"/>).</summary>
    public string? PageKey { get; init; }
}

/// <summary>
/// An entry's word numbers as a memo wrote them (per field: 7-bit encoded numbers into the memo's word list, which
/// <see cref="Numbers"/> maps to the word table), in the buffer the memo was read into.
/// </summary>
internal sealed class EncodedWords(byte[] data, int[] numbers, (int Offset, int Count, int Length)[] fields)
{
    public byte[] Data => data;
    public int[] Numbers => numbers;
    public (int Offset, int Count, int Length)[] Fields => fields;

    /// <summary>Whether the bytes hold exactly <paramref name="count"/> numbers (each ends with a byte below 0x80).</summary>
    public static bool Valid(ReadOnlySpan<byte> bytes, int count)
    {
        if (bytes.Length == 0) return count == 0;
        if (bytes[^1] >= 0x80) return false;
        // Bytes below 0x80 end a number: as many of them as numbers (counted eight bytes at a time).
        var ends = 0;
        var at = 0;
        for (; at + 8 <= bytes.Length; at += 8)
        {
            var eight = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[at..]);
            ends += 8 - System.Numerics.BitOperations.PopCount(eight & 0x8080808080808080UL);
        }
        for (; at < bytes.Length; at++) if (bytes[at] < 0x80) ends++;
        return ends == count;
    }

    public int[][] Decode()
    {
        var result = new int[fields.Length][];
        for (var f = 0; f < fields.Length; f++)
        {
            var (offset, count, length) = fields[f];
            var into = result[f] = new int[count];
            var position = offset;
            for (var w = 0; w < count; w++)
            {
                uint value = 0;
                var shift = 0;
                byte next;
                do
                {
                    next = data[position++];
                    value |= (uint)(next & 0x7F) << shift;
                    shift += 7;
                } while (next >= 0x80 && shift <= 28);
                if (value >= (uint)numbers.Length || position > offset + length)
                    throw new InvalidDataException("De bouwcache is beschadigd: de zoekanalyse kan niet gelezen worden. Verwijder de map .cache/build en bouw opnieuw.");
                into[w] = numbers[value];
            }
        }
        return result;
    }
}
