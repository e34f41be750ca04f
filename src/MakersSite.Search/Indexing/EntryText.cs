using System.Globalization;
using System.Text;

namespace MakersSite.Search.Indexing;

/// <summary>
/// Edits the JSON text of the search data's entries without parsing them whole. A common term's postings entry runs to
/// hundreds of KB and an edited page has hundreds of terms, so patching one document's postings copies the text
/// around them rather than reading and writing every number (that took a second per edit at 10,000 pages).
/// Postings entries: <c>["term",firstDocument,firstPosition,[delta,tf,length,…],…]</c> (<c>[delta,tf,…]</c> for a field
/// whose lengths are in the manifest), numbers non-negative integers.
/// </summary>
public static class EntryText
{
    /// <summary>Splits a data file's array into its entries, each with its term (the entry's first element).</summary>
    /// <returns>Null when the text is not an array of arrays that start with a string.</returns>
    public static List<(string Term, string Raw)>? Entries(string payload)
    {
        var entries = new List<(string, string)>();
        if (payload.Length < 2 || payload[0] != '[' || payload[^1] != ']') return null;
        var p = 1;
        while (p < payload.Length - 1)
        {
            if (payload[p] != '[') return null;
            var start = p;
            var depth = 0;
            string? term = null;
            for (; p < payload.Length; p++)
            {
                // Entries are mostly digits and commas: jump to the next character that matters.
                var skip = payload.AsSpan(p).IndexOfAny('"', '[', ']');
                if (skip < 0) return null;
                p += skip;
                var c = payload[p];
                if (c == '"')
                {
                    var end = StringEnd(payload, p);
                    if (end < 0) return null;
                    term ??= Unescape(payload.AsSpan(p + 1, end - p - 1));
                    p = end;
                }
                else if (c == '[') depth++;
                else if (c == ']' && --depth == 0) break;
            }
            if (term is null || p >= payload.Length) return null;
            entries.Add((term, payload[start..++p]));
            if (p < payload.Length - 1)
            {
                if (payload[p] != ',') return null;
                p++;
            }
        }
        return entries;
    }

    /// <summary>The postings entry with <paramref name="document"/>'s postings replaced (none: <paramref name="frequencies"/> all zero).</summary>
    /// <param name="lengthInPostings">Per field: whether its postings carry the field length ([delta, tf, length]) or not ([delta, tf]).</param>
    /// <param name="lengths">The document's field lengths.</param>
    /// <returns>Null when the text is not a postings entry with these fields.</returns>
    public static string? WithDocument(string raw, IReadOnlyList<bool> lengthInPostings, int document, ReadOnlySpan<int> frequencies, ReadOnlySpan<int> lengths)
    {
        var fieldCount = lengthInPostings.Count;
        var headerEnd = HeaderEnd(raw);
        if (headerEnd < 0) return null;
        var sb = new StringBuilder(raw.Length + 32);
        sb.Append(raw, 0, headerEnd);
        var p = headerEnd;
        for (var f = 0; f < fieldCount; f++)
        {
            if (p >= raw.Length || raw[p] != ',' || p + 1 >= raw.Length || raw[p + 1] != '[') return null;
            var open = p + 1;
            var close = raw.IndexOf(']', open);
            if (close < 0) return null;
            sb.Append(",[");
            if (!AppendField(sb, raw, open + 1, close, document, frequencies[f], lengthInPostings[f] ? lengths[f] : -1)) return null;
            sb.Append(']');
            p = close + 1;
        }
        if (p != raw.Length - 1 || raw[p] != ']') return null;
        return sb.Append(']').ToString();
    }

    /// <summary>An entry with no postings yet (for a term that is new), to be given documents with <see cref="WithDocument"/>.</summary>
    public static string Empty(string term, int fieldCount) =>
        "[" + Json.String(term) + ",0,0" + string.Concat(Enumerable.Repeat(",[]", fieldCount)) + "]";

    /// <summary>The lowest document with a posting in any field, or -1 when there is none.</summary>
    public static int FirstDocument(string raw)
    {
        var headerEnd = HeaderEnd(raw);
        var first = -1;
        for (var p = raw.IndexOf('[', headerEnd); p >= 0 && p + 1 < raw.Length; p = raw.IndexOf('[', p + 1))
        {
            if (raw[p + 1] == ']') continue;
            var at = p + 1;
            var document = ReadNumber(raw, ref at);
            if (first < 0 || document < first) first = document;
        }
        return first;
    }

    /// <summary>The entry's first document and position.</summary>
    public static (int Document, int Position) First(string raw)
    {
        var p = StringEnd(raw, 1) + 2;
        var document = ReadNumber(raw, ref p);
        p++;
        return (document, ReadNumber(raw, ref p));
    }

    /// <summary>The entry with another first document and position.</summary>
    public static string WithFirst(string raw, int document, int position)
    {
        var termEnd = StringEnd(raw, 1) + 1;
        return string.Concat(raw.AsSpan(0, termEnd), "," + document.ToString(CultureInfo.InvariantCulture) + "," + position.ToString(CultureInfo.InvariantCulture),
            raw.AsSpan(HeaderEnd(raw)));
    }

    /// <summary>Where the header (term, first document, first position) ends: at the comma before the first field, or -1.</summary>
    private static int HeaderEnd(string raw)
    {
        if (raw.Length < 4 || raw[0] != '[' || raw[1] != '"') return -1;
        var p = StringEnd(raw, 1);
        if (p < 0) return -1;
        p++;
        for (var numbers = 0; numbers < 2; numbers++)
        {
            if (p >= raw.Length || raw[p] != ',') return -1;
            var start = ++p;
            while (p < raw.Length && char.IsAsciiDigit(raw[p])) p++;
            if (p == start) return -1;
        }
        return p;
    }

    /// <summary>
    /// Writes a field's postings text [start, end) with the document's posting taken out and, when it has the term,
    /// put in its place; the delta of the posting after it changes, the text before and after is copied.
    /// </summary>
    /// <param name="length">The document's field length, or -1 when the postings do not carry lengths.</param>
    private static bool AppendField(StringBuilder sb, string raw, int start, int end, int document, int frequency, int length)
    {
        var rest = length < 0 ? 1 : 2; // numbers after the delta in each posting
        var p = start;
        var previous = 0; // the document before the posting being looked at
        var at = end;     // where the first posting with a document >= the edited one starts
        var current = 0;
        while (p < end)
        {
            var postingStart = p;
            var delta = ReadNumber(raw, ref p);
            if (delta < 0) return false;
            current = previous + delta;
            if (current >= document)
            {
                at = postingStart;
                break;
            }
            if (!SkipNumbers(raw, ref p, rest, end)) return false;
            previous = current;
            if (p < end && raw[p++] != ',') return false;
        }
        var pieces = new List<string>(3);
        if (at == end && end > start) pieces.Add(raw[start..end]);
        else if (at > start) pieces.Add(raw[start..(at - 1)]); // without the comma before the posting
        if (frequency > 0)
            pieces.Add(length < 0 ? string.Create(CultureInfo.InvariantCulture, $"{document - previous},{frequency}")
                : string.Create(CultureInfo.InvariantCulture, $"{document - previous},{frequency},{length}"));
        if (at < end)
        {
            // The posting at `at` is the edited document's own (skipped) or the next one (kept, with a new delta).
            var next = at;
            ReadNumber(raw, ref next);
            var nextDocument = current;
            if (current == document)
            {
                if (!SkipNumbers(raw, ref next, rest, end)) return false;
                if (next < end)
                {
                    if (raw[next++] != ',') return false;
                    nextDocument = document + ReadNumber(raw, ref next);
                }
                else
                {
                    nextDocument = -1;
                }
            }
            if (nextDocument >= 0)
            {
                var before = frequency > 0 ? document : previous;
                pieces.Add((nextDocument - before).ToString(CultureInfo.InvariantCulture) + raw[next..end]);
            }
        }
        sb.AppendJoin(',', pieces);
        return true;
    }

    private static bool SkipNumbers(string raw, ref int p, int count, int end)
    {
        for (var i = 0; i < count; i++)
        {
            if (p >= end || raw[p++] != ',') return false;
            if (ReadNumber(raw, ref p) < 0) return false;
        }
        return true;
    }

    /// <summary>A non-negative integer at <paramref name="p"/>, which moves past it; -1 when there is none.</summary>
    private static int ReadNumber(string raw, ref int p)
    {
        var start = p;
        var value = 0;
        while (p < raw.Length && char.IsAsciiDigit(raw[p])) value = value * 10 + (raw[p++] - '0');
        return p == start ? -1 : value;
    }

    /// <summary>The index of the quote closing the JSON string that opens at <paramref name="open"/>, or -1.</summary>
    private static int StringEnd(string text, int open)
    {
        for (var p = open + 1; p < text.Length; p++)
        {
            if (text[p] == '\\') p++;
            else if (text[p] == '"') return p;
        }
        return -1;
    }

    private static string Unescape(ReadOnlySpan<char> content)
    {
        if (content.IndexOf('\\') < 0) return content.ToString();
        var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes("\"" + content.ToString() + "\""));
        reader.Read();
        return reader.GetString()!;
    }
}
