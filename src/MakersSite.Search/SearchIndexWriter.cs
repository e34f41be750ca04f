using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MakersSite.Search.Analysis;
using MakersSite.Search.Indexing;

namespace MakersSite.Search;

/// <summary>One file of the search data, relative to the data folder (zoeken/data/).</summary>
public sealed record SearchFile(string Path, string Text);

/// <summary>The search data of a site plus the lunr index it was cut from (for conformance tests and benchmarks).</summary>
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

    /// <param name="emit">Receives each file as soon as it is made, so a big site's index is never held whole;
    /// without it the files are collected in <see cref="SearchBundle.Files"/>.</param>
    /// <param name="cores">How many cores analysis may use (serve leaves one free for the browser it just told to reload).</param>
    public static SearchBundle Write(IEnumerable<SearchDocument> documents, Action<SearchFile>? emit = null, int? cores = null)
    {
        var collected = new List<SearchFile>();
        emit ??= collected.Add;
        var docs = documents.OrderBy(d => d.Url, StringComparer.Ordinal).ToList();
        var splitter = CompoundSplitter.FromTexts(docs.SelectMany(d => new[] { d.Title, d.Summary, d.Body }));
        var builder = new LunrIndexBuilder(Fields);
        var texts = new List<string?[]>(docs.Count);
        // Analysis runs on every core in batches; adding stays in ref order, as lunr numbers terms in meeting order.
        const int batch = 256;
        for (var start = 0; start < docs.Count; start += batch)
        {
            var analyzed = docs.Skip(start).Take(batch).AsParallel().AsOrdered().WithDegreeOfParallelism(cores ?? Environment.ProcessorCount).Select(d =>
            {
                string?[] fieldTexts = [d.Title, d.Summary, d.Body, null];
                var document = builder.Analyze(fieldTexts);
                // Compound parts come from the words the other fields were analysed from (stop words already out).
                fieldTexts[3] = splitter.PartsOf(document.Words.Take(3).SelectMany(w => w ?? []));
                builder.AnalyzeField(document, 3, fieldTexts[3]);
                return (Texts: fieldTexts, Analyzed: document);
            }).ToList();
            for (var i = 0; i < analyzed.Count; i++)
            {
                texts.Add(analyzed[i].Texts);
                builder.Add(start + i, analyzed[i].Analyzed);
            }
        }
        var index = builder.Build();

        var shards = WriteShards(index, emit);
        var termLists = WriteTermLists(index, emit);
        for (var id = 0; id < docs.Count; id++) emit(DataFile($"d/{id}.js", DocumentJson(docs[id])));
        var facets = WriteFacets(docs, emit);

        var manifest = new StringBuilder("{");
        manifest.Append("\"format\":").Append(FormatVersion);
        manifest.Append(",\"lunr\":").Append(Json.String(LunrIndex.LunrVersion));
        manifest.Append(",\"fields\":[").AppendJoin(',', Fields.Select(f => Json.String(f.Name))).Append(']');
        manifest.Append(",\"pipeline\":[").AppendJoin(',', LunrIndex.SearchPipeline.Select(Json.String)).Append(']');
        manifest.Append(",\"documents\":").Append(docs.Count);
        manifest.Append(",\"shards\":").Append(Ranges(shards));
        manifest.Append(",\"terms\":").Append(Ranges(termLists));
        manifest.Append(",\"facets\":").Append(Json.String(facets));
        manifest.Append('}');
        emit(DataFile("manifest.js", manifest.ToString()));
        return new SearchBundle(collected, index, docs, texts);
    }

    /// <summary>Each term: [term, lunr term index, postings per field as [doc delta, weight × 1000, …]].</summary>
    private static List<(string First, string Path)> WriteShards(LunrIndex index, Action<SearchFile> emit)
    {
        var postings = new List<(int Doc, long Weight)>[index.Terms.Count, index.Fields.Count];
        var byIndex = new int[index.Terms.Count];
        for (var i = 0; i < index.Terms.Count; i++) byIndex[index.Terms[i].Index] = i;
        foreach (var vector in index.FieldVectors)
        {
            foreach (var (termIndex, weight) in vector.Elements)
            {
                // weight is k/1000 rounded by lunr; k/1000 in JavaScript gives back the very same double.
                var slot = postings[byIndex[termIndex], vector.Field] ??= [];
                slot.Add((vector.DocumentRef, (long)Math.Round(weight * 1000)));
            }
        }

        var entries = index.Terms.Select((term, i) =>
        {
            var sb = new StringBuilder("[").Append(Json.String(term.Text)).Append(',').Append(term.Index);
            for (var f = 0; f < index.Fields.Count; f++)
            {
                sb.Append(",[");
                var previous = 0;
                var first = true;
                foreach (var (doc, weight) in postings[i, f] ?? [])
                {
                    if (!first) sb.Append(',');
                    first = false;
                    sb.Append(doc - previous).Append(',').Append(weight);
                    previous = doc;
                }
                sb.Append(']');
            }
            return (term.Text, Json: sb.Append(']').ToString());
        });
        return Chunk(entries, ShardCharacters, "s", emit);
    }

    /// <summary>Each term: [term, documents containing it, a word it stands for].</summary>
    private static List<(string First, string Path)> WriteTermLists(LunrIndex index, Action<SearchFile> emit)
    {
        var entries = index.Terms.Select(term =>
        {
            var documentFrequency = term.Documents.SelectMany(d => d).Distinct().Count();
            var word = term.Word == term.Text ? "" : Json.String(term.Word);
            return (term.Text, Json: $"[{Json.String(term.Text)},{documentFrequency}{(word.Length > 0 ? "," + word : "")}]");
        });
        return Chunk(entries, TermListCharacters, "t", emit);
    }

    private static List<(string First, string Path)> Chunk(IEnumerable<(string Term, string Json)> entries, int size, string folder, Action<SearchFile> emit)
    {
        var ranges = new List<(string First, string Path)>();
        var sb = new StringBuilder();
        string? first = null;
        void Flush()
        {
            if (first is null) return;
            var payload = "[" + sb + "]";
            var path = $"{folder}/{ranges.Count}-{Hash(payload)}.js";
            emit(DataFile(path, payload));
            ranges.Add((first, path));
            sb.Clear();
            first = null;
        }
        foreach (var (term, json) in entries)
        {
            if (first is not null && sb.Length + json.Length > size) Flush();
            if (first is null) first = term;
            else sb.Append(',');
            sb.Append(json);
        }
        Flush();
        return ranges;
    }

    private static string DocumentJson(SearchDocument d)
    {
        var text = d.Body.Length <= SnippetSourceCharacters ? d.Body : CutAtWord(d.Body, SnippetSourceCharacters);
        return $"{{\"url\":{Json.String(d.Url)},\"title\":{Json.String(d.Title)},\"type\":{Json.String(d.Type.Label)}," +
               $"\"summary\":{Json.String(d.Summary)},\"text\":{Json.String(text)}}}";
    }

    /// <summary>
    /// Facet values (facet, slug, label) and per document the indexes of its values, one character each
    /// (U+0100 + index) so ten thousand documents stay a small, well-compressing string.
    /// </summary>
    private static string WriteFacets(List<SearchDocument> docs, Action<SearchFile> emit)
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
