using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MakersSite.Search.Analysis;
using MakersSite.Search.Indexing;

namespace MakersSite.Search;

/// <summary>What the search data keeps of a document besides its terms: what a result shows (JSON, as UTF-8) and its facets.</summary>
internal sealed record IndexedDocument(ReadOnlyMemory<byte> DisplayJsonUtf8, FacetValue Type, IReadOnlyList<FacetValue> Facets)
{
    public string DisplayJson => Encoding.UTF8.GetString(DisplayJsonUtf8.Span);
}

/// <summary>One file of the search data, relative to the data folder (zoeken/data/).</summary>
public sealed record SearchFile(string Path, string Text);

/// <summary>
/// The search data of a site plus the lunr index it was cut from (for conformance tests and benchmarks). Documents
/// and FieldTexts (title, summary, body, compound parts) are there only when the builder kept the texts. When the
/// builder patched the previous build's files, Files holds the new ones, <see cref="Kept"/> names the others, and
/// there is no Index.
/// </summary>
public sealed record SearchBundle(IReadOnlyList<SearchFile> Files, LunrIndex? Index, IReadOnlyList<SearchDocument> Documents, IReadOnlyList<string?[]> FieldTexts)
{
    /// <summary>Paths of the previous build's files that are part of this data unchanged.</summary>
    public IReadOnlyList<string> Kept { get; init; } = [];
}

/// <summary>
/// Builds the lunr index for a site's documents and cuts it into files the browser loads as classic scripts
/// (so search also works from file://): a small manifest, postings shards by term range, term lists for
/// wildcards, typos and suggestions, one small file per document for result display, and the facets.
/// Every data file calls <c>makersSearch.load(path, data)</c>.
/// </summary>
public static class SearchIndexWriter
{
    public const string DataFolder = "zoeken/data";
    public const int FormatVersion = 4;

    public static readonly IReadOnlyList<SearchField> Fields =
    [
        new("title", 10),
        new("summary", 4),
        new("body", 1, LengthsInManifest: true),
        new("parts", 0.25, ShowsWords: false, LengthsInManifest: true),
    ];

    /// <summary>Result snippets come from the first part of a page's text.</summary>
    public const int SnippetSourceCharacters = 2_000;

    /// <summary>The search data of <paramref name="documents"/>, keeping the texts (see <see cref="SearchIndexBuilder"/> for a site's build).</summary>
    public static SearchBundle Write(IEnumerable<SearchDocument> documents, Action<SearchFile>? emit = null, int? cores = null)
    {
        var builder = new SearchIndexBuilder(keepTexts: true);
        foreach (var document in documents) builder.Add(document);
        return builder.Write(emit, cores);
    }

    /// <summary>Cuts the index into files. <paramref name="documents"/>: in ref order.</summary>
    /// <param name="emitConcurrently">Whether <paramref name="emit"/> may be called from several threads at once, in any
    /// order (writing files takes as long as making them); otherwise files come one by one, in order.</param>
    /// <returns>The first term and path of each postings file and each term list, in term order.</returns>
    internal static (List<(string First, string Path)> Shards, List<(string First, string Path)> TermLists) WriteFiles(LunrIndex index,
        IReadOnlyList<IndexedDocument> documents, Action<SearchFile> emit, ParallelOptions parallel, bool emitConcurrently = false)
    {
        Action<IReadOnlyList<SearchFile>> emitAll = emitConcurrently
            ? files => Parallel.For(0, files.Count, parallel, i => emit(files[i]))
            : files => { foreach (var file in files) emit(file); };
        var shards = WriteShards(index, emitAll, parallel);
        var termLists = WriteTermLists(index, emitAll, parallel);
        const int batch = 1024;
        for (var first = 0; first < documents.Count; first += batch)
        {
            var files = new SearchFile[Math.Min(batch, documents.Count - first)];
            Parallel.For(0, files.Length, parallel, i => files[i] = DocumentFile(first + i, documents[first + i]));
            emitAll(files);
        }
        var facets = WriteFacets(documents, emit);
        var manifestLengths = Fields.Select((field, f) => field.LengthsInManifest
            ? Enumerable.Range(0, documents.Count).Select(d => index.FieldLength(d, f)).ToArray() : null).ToArray();
        emit(Manifest(documents.Count, index.TotalLengths, manifestLengths, shards, termLists, facets));
        return (shards, termLists);
    }

    internal static SearchFile DocumentFile(int documentRef, IndexedDocument document) => DataFile($"d/{documentRef}.js", document.DisplayJson);

    /// <summary>What the browser loads first: the index's settings and statistics and where its files are.</summary>
    /// <param name="fieldLengths">Per field, for the fields whose lengths are in the manifest, each document's length (in ref order).</param>
    internal static SearchFile Manifest(int documents, IReadOnlyList<long> totalLengths, IReadOnlyList<int[]?> fieldLengths,
        List<(string First, string Path)> shards, List<(string First, string Path)> termLists, string facets)
    {
        var manifest = new StringBuilder("{");
        manifest.Append("\"format\":").Append(FormatVersion);
        manifest.Append(",\"lunr\":").Append(Json.String(LunrIndex.LunrVersion));
        manifest.Append(",\"fields\":[").AppendJoin(',', Fields.Select(f => Json.String(f.Name))).Append(']');
        manifest.Append(",\"boosts\":[").AppendJoin(',', Fields.Select(f => Json.Number(f.Boost))).Append(']');
        manifest.Append(",\"pipeline\":[").AppendJoin(',', LunrIndex.SearchPipeline.Select(Json.String)).Append(']');
        manifest.Append(",\"documents\":").Append(documents);
        manifest.Append(",\"lengths\":[").AppendJoin(',', totalLengths).Append(']');
        manifest.Append(",\"fieldLengths\":[").AppendJoin(',', fieldLengths.Select(l => l is null ? "null" : "[" + string.Join(',', l) + "]")).Append(']');
        manifest.Append(",\"shards\":").Append(Ranges(shards));
        manifest.Append(",\"terms\":").Append(Ranges(termLists));
        manifest.Append(",\"facets\":").Append(Json.String(facets));
        manifest.Append('}');
        return DataFile("manifest.js", manifest.ToString());
    }

    /// <summary>
    /// Each term: [term, first document, position in it, postings per field as [doc delta, term frequency, field length, …]]
    /// (without the field length for a field whose lengths are in the manifest). The browser works out lunr's weights
    /// from these with the manifest's document count and total field lengths, so a term's entry changes only when a
    /// document with the term does (weights would change everywhere after any edit).
    /// </summary>
    private static List<(string First, string Path)> WriteShards(LunrIndex index, Action<IReadOnlyList<SearchFile>> emit, ParallelOptions parallel) =>
        Chunk(index.Terms, term => ShardEntry(index, term), Shards(), "s", emit, parallel);

    internal static string ShardEntry(LunrIndex index, IndexTerm term)
    {
        var sb = new StringBuilder("[").Append(Json.String(term.Text)).Append(',').Append(term.FirstDocument).Append(',').Append(term.FirstPosition);
        for (var f = 0; f < index.Fields.Count; f++)
        {
            sb.Append(",[");
            var documents = index.Documents(term.Index, f);
            var frequencies = index.Frequencies(term.Index, f);
            for (var i = 0; i < documents.Length; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append(documents[i] - (i == 0 ? 0 : documents[i - 1])).Append(',').Append(frequencies[i]);
                if (!index.Fields[f].LengthsInManifest) sb.Append(',').Append(index.FieldLengthOf(documents[i], f));
            }
            sb.Append(']');
        }
        return sb.Append(']').ToString();
    }

    /// <summary>Each term: [term, documents containing it, a word it stands for].</summary>
    private static List<(string First, string Path)> WriteTermLists(LunrIndex index, Action<IReadOnlyList<SearchFile>> emit, ParallelOptions parallel) =>
        Chunk(index.Terms, term => TermListEntry(term.Text, index.DocumentFrequency(term.Index), term.Word), TermLists(), "t", emit, parallel);

    internal static string TermListEntry(string term, int documentFrequency, string word) =>
        $"[{Json.String(term)},{documentFrequency}{(word == term ? "" : "," + Json.String(word))}]";

    /// <summary>Postings files: a few KB each once gzipped (the most common terms alone run to 100 KB).</summary>
    internal static ContentDefinedChunks Shards() => new(16_000, 64_000, 8);
    internal static ContentDefinedChunks TermLists() => new(16_000, 64_000, 8);

    /// <summary>
    /// Cuts the terms' entries, in order, into files (<see cref="ContentDefinedChunks"/>) named by a hash of their content.
    /// The entries and the files are made on every core a batch at a time, so only a batch is held; each batch of
    /// files goes to <paramref name="emit"/> in order.
    /// </summary>
    private static List<(string First, string Path)> Chunk(IReadOnlyList<IndexTerm> terms, Func<IndexTerm, string> json, ContentDefinedChunks chunks,
        string folder, Action<IReadOnlyList<SearchFile>> emit, ParallelOptions parallel)
    {
        const int batchSize = 256; // the most common terms run to 100 KB each: a batch stays a few MB
        var ranges = new List<(string First, string Path)>();
        var payloads = new List<(string First, string Payload)>();
        void EmitClosed()
        {
            var files = new SearchFile[payloads.Count];
            Parallel.For(0, payloads.Count, parallel, i => files[i] = ChunkFile(folder, payloads[i].Payload));
            emit(files);
            for (var i = 0; i < files.Length; i++) ranges.Add((payloads[i].First, files[i].Path));
            payloads.Clear();
        }
        var entries = new string[Math.Min(batchSize, terms.Count)];
        for (var batch = 0; batch < terms.Count; batch += batchSize)
        {
            var count = Math.Min(batchSize, terms.Count - batch);
            Parallel.For(0, count, parallel, i => entries[i] = json(terms[batch + i]));
            for (var i = 0; i < count; i++)
            {
                if (chunks.Add(terms[batch + i].Text, entries[i]) is { } chunk) payloads.Add(chunk);
            }
            EmitClosed();
        }
        if (chunks.Close() is { } last) payloads.Add(last);
        EmitClosed();
        return ranges;
    }

    internal static SearchFile ChunkFile(string folder, string payload) => DataFile($"{folder}/{Hash(payload)}.js", payload);

    /// <summary>What a result shows of a document: address, title, type, summary and the start of its text.</summary>
    internal static string DocumentJson(SearchDocument d)
    {
        var text = d.Body.Length <= SnippetSourceCharacters ? d.Body : CutAtWord(d.Body, SnippetSourceCharacters);
        // Every section as [offset, anchor, heading], for sub-results; one past the shown text links without a snippet.
        var sections = d.Sections
            .Select(s => $"[{s.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture)},{Json.String(s.Anchor)},{Json.String(s.Heading)}]").ToList();
        return $"{{\"url\":{Json.String(d.Url)},\"title\":{Json.String(d.Title)},\"type\":{Json.String(d.Type.Label)}," +
               $"\"summary\":{Json.String(d.Summary)},\"text\":{Json.String(text)}" +
               (sections.Count > 0 ? $",\"sections\":[{string.Join(',', sections)}]" : "") + "}";
    }

    /// <summary>
    /// Facet values (facet, slug, label) and per document the indexes of its values, one character each
    /// (U+0100 + index) so ten thousand documents stay a small, well-compressing string.
    /// </summary>
    internal static string WriteFacets(IReadOnlyList<IndexedDocument> docs, Action<SearchFile> emit)
    {
        var order = SearchFacets.All.Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => x.i);
        var values = docs.SelectMany(d => d.Facets.Prepend(d.Type)).Distinct()
            .OrderBy(v => order.GetValueOrDefault(v.Facet, int.MaxValue)).ThenBy(v => v.Label, StringComparer.Ordinal).ThenBy(v => v.Slug, StringComparer.Ordinal)
            .ToList();
        var position = values.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);
        var sb = new StringBuilder("{\"facets\":[");
        sb.AppendJoin(',', SearchFacets.All.Select(f => $"[{Json.String(f.Name)},{Json.String(f.Label)}]"));
        sb.Append("],\"values\":[");
        sb.AppendJoin(',', values.Select(v => $"[{Json.String(v.Facet)},{Json.String(v.Slug)},{Json.String(v.Label)}]"));
        sb.Append("],\"documents\":[");
        sb.AppendJoin(',', docs.Select(d => Json.String(new string(d.Facets.Prepend(d.Type).Distinct().Select(v => (char)(0x100 + position[v])).Order().ToArray()))));
        sb.Append("]}");
        var payload = sb.ToString();
        var path = $"facets-{Hash(payload)}.js";
        emit(DataFile(path, payload));
        return path;
    }

    private static string Ranges(List<(string First, string Path)> ranges) =>
        "[" + string.Join(',', ranges.Select(r => $"[{Json.String(r.First)},{Json.String(r.Path)}]")) + "]";

    /// <summary>The JSON a data file made by <see cref="DataFile"/> carries, or null when the text is not such a file.</summary>
    internal static string? Payload(string path, string text)
    {
        var prefix = $"makersSearch.load({Json.String(path)},";
        const string suffix = ");\n";
        return text.StartsWith(prefix, StringComparison.Ordinal) && text.EndsWith(suffix, StringComparison.Ordinal) && text.Length >= prefix.Length + suffix.Length
            ? text[prefix.Length..^suffix.Length] : null;
    }

    internal static SearchFile DataFile(string path, string json) => new(path, $"makersSearch.load({Json.String(path)},{json});\n");

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];

    private static string CutAtWord(string text, int max)
    {
        var cut = text.LastIndexOf(' ', max);
        if (cut <= max / 2) cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max; // never half an emoji
        return text[..cut];
    }
}
