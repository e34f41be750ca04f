using System.Text;

namespace MakersSite.Build.Caching;

/// <summary>
/// A page after post-processing, with the text search takes from it: what the build cache keeps per page. Read from
/// the cache, the HTML stays encoded until something asks for it: a build after a small edit takes thousands of
/// pages from the cache whose files the output already has, and only needs their search text.
/// </summary>
public sealed class FinishedPage : IEquatable<FinishedPage>
{
    private string? _html;
    private readonly byte[]? _encoded;
    private readonly int _htmlOffset;
    private readonly int _htmlLength;

    public FinishedPage(string html, SearchText? text)
    {
        _html = html;
        Text = text;
    }

    private FinishedPage(byte[] encoded, int htmlOffset, int htmlLength, SearchText? text)
    {
        _encoded = encoded;
        _htmlOffset = htmlOffset;
        _htmlLength = htmlLength;
        Text = text;
    }

    public string Html => _html ??= Encoding.UTF8.GetString(_encoded!, _htmlOffset, _htmlLength);

    public SearchText? Text { get; }

    /// <summary>
    /// The HTML as BinaryWriter writes a string (7-bit encoded length, then UTF-8), a flag, then the text's three strings,
    /// into one array of exactly that size: a growing buffer and its final copy were a tenth of what rendering allocated.
    /// </summary>
    public byte[] Encode()
    {
        var html = Html;
        string[] strings = Text is null ? [html] : [html, Text.Title, Text.Summary, Text.Body, SectionsText(Text.Sections)];
        Span<int> lengths = stackalloc int[strings.Length];
        var size = 1; // the flag
        for (var i = 0; i < strings.Length; i++)
        {
            lengths[i] = Encoding.UTF8.GetByteCount(strings[i]);
            size += SevenBitLength(lengths[i]) + lengths[i];
        }
        var bytes = new byte[size];
        var at = Put(bytes, 0, strings[0], lengths[0]);
        bytes[at++] = Text is null ? (byte)0 : (byte)1;
        for (var i = 1; i < strings.Length; i++) at = Put(bytes, at, strings[i], lengths[i]);
        return bytes;
    }

    /// <returns>Where the next value goes.</returns>
    private static int Put(byte[] bytes, int at, string text, int length)
    {
        var rest = (uint)length;
        for (; rest >= 0x80; rest >>= 7) bytes[at++] = (byte)(rest | 0x80);
        bytes[at++] = (byte)rest;
        return at + Encoding.UTF8.GetBytes(text, bytes.AsSpan(at));
    }

    private static int SevenBitLength(int value)
    {
        var length = 1;
        for (var rest = (uint)value >> 7; rest > 0; rest >>= 7) length++;
        return length;
    }

    /// <summary>What <see cref="Encode"/> wrote: the HTML as BinaryWriter writes a string (length, then UTF-8), then the text.</summary>
    /// <exception cref="FormatException">The bytes end before the page does.</exception>
    public static FinishedPage Decode(ArraySegment<byte> bytes)
    {
        // Read straight from the bytes: BinaryReader.ReadString decodes a long string in 128-byte chunks through a
        // StringBuilder, and the texts run to kilobytes.
        var at = 0;
        var (htmlOffset, htmlLength) = Take(bytes, ref at);
        if (at >= bytes.Count) throw new FormatException("The page ends before its search text flag.");
        var text = bytes[at++] == 0 ? null
            : new SearchText(String(bytes, ref at), String(bytes, ref at), String(bytes, ref at)) { Sections = Sections(String(bytes, ref at)) };
        return new FinishedPage(bytes.Array!, bytes.Offset + htmlOffset, htmlLength, text);
    }

    // One line per section: offset, tab, anchor, tab, heading (normalised text holds neither tabs nor newlines).
    private static string SectionsText(IReadOnlyList<Search.SearchSection> sections) =>
        string.Concat(sections.Select(s => $"{s.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture)}\t{s.Anchor}\t{s.Heading}\n"));

    private static IReadOnlyList<Search.SearchSection> Sections(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t', 3))
            .Select(parts => parts.Length == 3 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var offset)
                ? new Search.SearchSection(offset, parts[1], parts[2])
                : throw new FormatException("A search section is damaged."))];

    private static string String(ArraySegment<byte> bytes, ref int at)
    {
        var (offset, length) = Take(bytes, ref at);
        return Encoding.UTF8.GetString(bytes.AsSpan(offset, length));
    }

    /// <summary>Where the next string's UTF-8 starts in the segment and how long it is; moves past it.</summary>
    private static (int Offset, int Length) Take(ArraySegment<byte> bytes, ref int at)
    {
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (at >= bytes.Count || shift > 28) throw new FormatException("A string length runs past the page.");
            var next = bytes[at++];
            length |= (next & 0x7F) << shift;
            if (next < 0x80) break;
        }
        if (length < 0 || length > bytes.Count - at) throw new FormatException("A string runs past the page.");
        var offset = at;
        at += length;
        return (offset, length);
    }

    public bool Equals(FinishedPage? other) => other is not null && Html == other.Html && Equals(Text, other.Text);

    public override bool Equals(object? obj) => Equals(obj as FinishedPage);

    public override int GetHashCode() => HashCode.Combine(Html, Text);
}
