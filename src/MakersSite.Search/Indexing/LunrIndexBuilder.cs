using MakersSite.Search.Analysis;

namespace MakersSite.Search.Indexing;

/// <summary>The analysed fields of one document: per field its terms, and for fields that show words, the words they came from.</summary>
public sealed record AnalyzedDocument(string[][] Terms, string[]?[] Words);

/// <summary>
/// lunr 2.3.9's <c>lunr.Builder</c> with the nl pipeline, reimplemented so the generator needs no JavaScript:
/// BM25 with k1 = 1.2 and b = 0.75, idf as lunr computes it, weights rounded as <c>Math.round(score * 1000) / 1000</c>.
/// Documents must be added in ascending ref order (refs are numbers), which is also the order lunr.js keeps.
/// <see cref="Analyze"/> is thread-safe and may run in parallel; <see cref="Add(int, AnalyzedDocument)"/> must be
/// called in order, because lunr numbers terms in the order it first meets them.
/// </summary>
public sealed class LunrIndexBuilder(IReadOnlyList<SearchField> fields)
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    [ThreadStatic] private static DutchAnalyzer? _analyzer;

    private readonly Dictionary<string, IndexTerm> _terms = new(StringComparer.Ordinal);
    private readonly List<IndexTerm> _byIndex = [];
    // lunr's fieldTermFrequencies, compact: per document and field, term indexes and their counts.
    private readonly List<(int Ref, int Field, int Length, int[] Terms, int[] Counts)> _fieldRefs = [];
    private readonly Dictionary<IndexTerm, Dictionary<string, int>> _surfaces = [];
    private int _documentCount;
    private int _lastRef = -1;

    public AnalyzedDocument Analyze(IReadOnlyList<string?> texts)
    {
        if (texts.Count != fields.Count) throw new ArgumentException($"Expected {fields.Count} field texts.", nameof(texts));
        var analyzer = _analyzer ??= new DutchAnalyzer();
        var terms = new string[fields.Count][];
        var words = new string[]?[fields.Count];
        for (var f = 0; f < fields.Count; f++)
        {
            var fieldTerms = new List<string>();
            var fieldWords = fields[f].ShowsWords ? new List<string>() : null;
            analyzer.Analyze(texts[f], fieldTerms, fieldWords);
            terms[f] = fieldTerms.ToArray();
            words[f] = fieldWords?.ToArray();
        }
        return new AnalyzedDocument(terms, words);
    }

    /// <summary>Analyses one more field of a document (a field derived from the others' words, such as compound parts).</summary>
    public void AnalyzeField(AnalyzedDocument document, int field, string? text)
    {
        var analyzer = _analyzer ??= new DutchAnalyzer();
        var terms = new List<string>();
        var words = fields[field].ShowsWords ? new List<string>() : null;
        analyzer.Analyze(text, terms, words);
        document.Terms[field] = terms.ToArray();
        document.Words[field] = words?.ToArray();
    }

    /// <param name="texts">The text of each field, in field order (null or empty: the field is empty).</param>
    public void Add(int documentRef, IReadOnlyList<string?> texts) => Add(documentRef, Analyze(texts));

    public void Add(int documentRef, AnalyzedDocument document)
    {
        if (documentRef <= _lastRef) throw new ArgumentException("Documents must be added in ascending ref order.", nameof(documentRef));
        _lastRef = documentRef;
        _documentCount++;
        var counts = new Dictionary<int, int>();
        for (var f = 0; f < fields.Count; f++)
        {
            counts.Clear();
            var order = new List<int>();
            var terms = document.Terms[f];
            var words = document.Words[f];
            for (var i = 0; i < terms.Length; i++)
            {
                if (!_terms.TryGetValue(terms[i], out var entry))
                {
                    _terms[terms[i]] = entry = new IndexTerm(terms[i], _byIndex.Count, fields.Count);
                    _byIndex.Add(entry);
                }
                if (counts.TryGetValue(entry.Index, out var count)) counts[entry.Index] = count + 1;
                else
                {
                    counts[entry.Index] = 1;
                    order.Add(entry.Index);
                }
                var documents = entry.Documents[f];
                if (documents.Count == 0 || documents[^1] != documentRef) documents.Add(documentRef);
                if (words is null) continue;
                if (!_surfaces.TryGetValue(entry, out var forms)) _surfaces[entry] = forms = new Dictionary<string, int>(StringComparer.Ordinal);
                forms[words[i]] = forms.GetValueOrDefault(words[i]) + 1;
            }
            _fieldRefs.Add((documentRef, f, terms.Length, order.ToArray(), order.Select(t => counts[t]).ToArray()));
        }
    }

    public LunrIndex Build()
    {
        var averageLength = new double[fields.Count];
        for (var f = 0; f < fields.Count; f++)
        {
            double total = 0;
            foreach (var fieldRef in _fieldRefs) if (fieldRef.Field == f) total += fieldRef.Length;
            averageLength[f] = total / _documentCount;
        }

        var idf = _byIndex.Select(term => Idf(term, _documentCount)).ToArray();
        var vectors = new List<FieldVector>(_fieldRefs.Count);
        foreach (var (documentRef, f, length, terms, counts) in _fieldRefs)
        {
            var boost = fields[f].Boost == 0 ? 1 : fields[f].Boost; // lunr: `boost || 1`
            var elements = new (int, double)[terms.Length];
            for (var i = 0; i < terms.Length; i++)
            {
                double tf = counts[i];
                // The same operations in the same order as lunr, so every rounding step matches.
                var score = idf[terms[i]] * ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / averageLength[f])) + tf);
                score *= boost;
                elements[i] = (terms[i], JavaScriptMath.Round(score * 1000) / 1000);
            }
            Array.Sort(elements, (x, y) => x.Item1.CompareTo(y.Item1));
            vectors.Add(new FieldVector(documentRef, f, elements));
        }

        var sorted = _terms.Values.OrderBy(t => t.Text, StringComparer.Ordinal).ToList();
        foreach (var term in sorted)
        {
            // The word shown for a term in "bedoelde je …?": its most frequent form, ties broken ordinally.
            term.Word = _surfaces.TryGetValue(term, out var words)
                ? words.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).First().Key
                : term.Text;
        }
        return new LunrIndex(fields, sorted, vectors, _documentCount);
    }

    /// <summary>lunr.idf: documents with the term are counted once per field they contain it in.</summary>
    private static double Idf(IndexTerm term, int documentCount)
    {
        var withTerm = term.Documents.Sum(d => d.Count);
        var x = (documentCount - withTerm + 0.5) / (withTerm + 0.5);
        return JavaScriptMath.Log(1 + Math.Abs(x));
    }
}
