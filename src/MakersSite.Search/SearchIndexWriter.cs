using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MakersSite.Search.Analysis;
using MakersSite.Search.Indexing;

namespace MakersSite.Search;

/// <summary>What the search data keeps of a document besides its terms: what a result shows (JSON, as UTF-8) and its facets.</summary>
internal sealed record IndexedDocument(byte[] DisplayJsonUtf8, FacetValue Type, IReadOnlyList<FacetValue> Facets)
{
    public string DisplayJson => Encoding.UTF8.GetString(DisplayJsonUtf8);
}

/// <summary>One file of the search data, relative to the data folder (zoeken/data/).</summary>
public sealed record SearchFile(string Path, string Text);

/// <summary>
/// The search data of a site plus the lunr index it was cut from (for conformance tests and benchmarks). Documents
/// and FieldTexts (title, summary, body, compound parts) are there only when the builder kept the texts.
/// </summary>
public sealed record SearchBundle(IReadOnlyList<SearchFile> Files, LunrIndex Index, IReadOnlyList<SearchDocument> Documents, IReadOnlyList<string?[]> FieldTexts);

/// <summary>
/// Builds the lunr index for a site's documents and cuts it into files the browser loads as classic scripts
/// (so search also works from file://): a small manifest, postings shards by term range, term lists for
/// wildcards, typos and suggestions, one small file per document for result display, and the facets.
/// Every data file calls <c>makersSearch.load(path, data)</c>.
/// </summary>
public static class SearchIndexWriter
{
    public const string DataFolder = "zoeken/data";
    public const int FormatVersion = 1;

    public static readonly IReadOnlyList<SearchField> Fields =
    [
        new("title", 10),
        new("summary", 4),
        new("body", 1),
        new("parts", 0.25, ShowsWords: false),
    ];

    /// <summary>Postings are cut into shards of about this many characters of JSON (a few KB once gzipped).</summary>
    public const int ShardCharacters = 24_000;
    public const int TermListCharacters = 24_000;
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
    internal static void WriteFiles(LunrIndex index, IReadOnlyList<IndexedDocument> documents, Action<SearchFile> emit, ParallelOptions parallel,
        bool emitConcurrently = false)
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
            Parallel.For(0, files.Length, parallel, i => files[i] = DataFile($"d/{first + i}.js", documents[first + i].DisplayJson));
            emitAll(files);
        }
        var facets = WriteFacets(documents, emit);

        var manifest = new StringBuilder("{");
        manifest.Append("\"format\":").Append(FormatVersion);
        manifest.Append(",\"lunr\":").Append(Json.String(LunrIndex.LunrVersion));
        manifest.Append(",\"fields\":[").AppendJoin(',', Fields.Select(f => Json.String(f.Name))).Append(']');
        manifest.Append(",\"pipeline\":[").AppendJoin(',', LunrIndex.SearchPipeline.Select(Json.String)).Append(']');
        manifest.Append(",\"documents\":").Append(documents.Count);
        manifest.Append(",\"shards\":").Append(Ranges(shards));
        manifest.Append(",\"terms\":").Append(Ranges(termLists));
        manifest.Append(",\"facets\":").Append(Json.String(facets));
        manifest.Append('}');
        emit(DataFile("manifest.js", manifest.ToString()));
    }

    /// <summary>Each term: [term, lunr term index, postings per field as [doc delta, weight × 1000, …]].</summary>
    private static List<(string First, string Path)> WriteShards(LunrIndex index, Action<IReadOnlyList<SearchFile>> emit, ParallelOptions parallel) =>
        Chunk(index.Terms, term =>
        {
            var sb = new StringBuilder("[").Append(Json.String(term.Text)).Append(',').Append(term.Index);
            for (var f = 0; f < index.Fields.Count; f++)
            {
                sb.Append(",[");
                var documents = index.Documents(term.Index, f);
                var weights = index.Weights(term.Index, f);
                for (var i = 0; i < documents.Length; i++)
                {
                    if (i > 0) sb.Append(',');
                    // lunr's weight is this over 1000; k/1000 in JavaScript gives back the very same double.
                    sb.Append(documents[i] - (i == 0 ? 0 : documents[i - 1])).Append(',').Append(weights[i]);
                }
                sb.Append(']');
            }
            return sb.Append(']').ToString();
        }, ShardCharacters, "s", emit, parallel);

    /// <summary>Each term: [term, documents containing it, a word it stands for].</summary>
    private static List<(string First, string Path)> WriteTermLists(LunrIndex index, Action<IReadOnlyList<SearchFile>> emit, ParallelOptions parallel) =>
        Chunk(index.Terms, term =>
        {
            var documentFrequency = index.DocumentFrequency(term.Index);
            var word = term.Word == term.Text ? "" : Json.String(term.Word);
            return $"[{Json.String(term.Text)},{documentFrequency}{(word.Length > 0 ? "," + word : "")}]";
        }, TermListCharacters, "t", emit, parallel);

    /// <summary>
    /// Cuts the terms' entries, in order, into files of about <paramref name="size"/> characters. The entries and the
    /// files' names (a hash of their content) are made on every core a batch at a time, so only a batch is held;
    /// each batch of files goes to <paramref name="emit"/> in order.
    /// </summary>
    private static List<(string First, string Path)> Chunk(IReadOnlyList<IndexTerm> terms, Func<IndexTerm, string> json, int size, string folder,
        Action<IReadOnlyList<SearchFile>> emit, ParallelOptions parallel)
    {
        const int batchSize = 256; // the most common terms run to 100 KB each: a batch stays a few MB
        var ranges = new List<(string First, string Path)>();
        var payloads = new List<(string First, string Payload)>();
        var sb = new StringBuilder();
        string? first = null;
        void Close()
        {
            if (first is null) return;
            payloads.Add((first, "[" + sb + "]"));
            sb.Clear();
            first = null;
        }
        void EmitClosed()
        {
            var files = new SearchFile[payloads.Count];
            var start = ranges.Count;
            Parallel.For(0, payloads.Count, parallel, i =>
            {
                var path = $"{folder}/{start + i}-{Hash(payloads[i].Payload)}.js";
                files[i] = DataFile(path, payloads[i].Payload);
            });
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
                if (first is not null && sb.Length + entries[i].Length > size) Close();
                if (first is null) first = terms[batch + i].Text;
                else sb.Append(',');
                sb.Append(entries[i]);
            }
            EmitClosed();
        }
        Close();
        EmitClosed();
        return ranges;
    }

    /// <summary>What a result shows of a document: address, title, type, summary and the start of its text.</summary>
    internal static string DocumentJson(SearchDocument d)
    {
        var text = d.Body.Length <= SnippetSourceCharacters ? d.Body : CutAtWord(d.Body, SnippetSourceCharacters);
        return $"{{\"url\":{Json.String(d.Url)},\"title\":{Json.String(d.Title)},\"type\":{Json.String(d.Type.Label)}," +
               $"\"summary\":{Json.String(d.Summary)},\"text\":{Json.String(text)}}}";
    }

    /// <summary>
    /// Facet values (facet, slug, label) and per document the indexes of its values, one character each
    /// (U+0100 + index) so ten thousand documents stay a small, well-compressing string.
    /// </summary>
    private static string WriteFacets(IReadOnlyList<IndexedDocument> docs, Action<SearchFile> emit)
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

    private static SearchFile DataFile(string path, string json) => new(path, $"makersSearch.load({Json.String(path)},{json});\n");

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];

    private static string CutAtWord(string text, int max)
    {
        var cut = text.LastIndexOf(' ', max);
        if (cut <= max / 2) cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max; // never half an emoji
        return text[..cut];
    }
}
