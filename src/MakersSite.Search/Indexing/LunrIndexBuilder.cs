using MakersSite.Search.Analysis;

namespace MakersSite.Search.Indexing;

/// <summary>
/// lunr 2.3.9's <c>lunr.Builder</c> with the nl pipeline, reimplemented so the generator needs no JavaScript:
/// BM25 with k1 = 1.2 and b = 0.75, idf as lunr computes it, weights rounded as <c>Math.round(score * 1000) / 1000</c>.
/// Documents must be added in ascending ref order (refs are numbers), which is also the order lunr.js keeps.
/// </summary>
public sealed class LunrIndexBuilder(IReadOnlyList<SearchField> fields)
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly DutchAnalyzer _analyzer = new();
    private readonly Dictionary<string, IndexTerm> _terms = new(StringComparer.Ordinal);
    private readonly List<(int Ref, int Field, int Length, Dictionary<string, int> Frequencies)> _fieldRefs = [];
    private readonly Dictionary<string, Dictionary<string, int>> _surfaces = new(StringComparer.Ordinal);
    private int _documentCount;
    private int _lastRef = -1;

    /// <param name="texts">The text of each field, in field order (null or empty: the field is empty).</param>
    public void Add(int documentRef, IReadOnlyList<string?> texts)
    {
        if (documentRef <= _lastRef) throw new ArgumentException("Documents must be added in ascending ref order.", nameof(documentRef));
        if (texts.Count != fields.Count) throw new ArgumentException($"Expected {fields.Count} field texts.", nameof(texts));
        _lastRef = documentRef;
        _documentCount++;
        for (var f = 0; f < fields.Count; f++)
        {
            var terms = _analyzer.Analyze(texts[f], fields[f].ShowsWords ? _surfaces : null);
            var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var term in terms)
            {
                frequencies[term] = frequencies.GetValueOrDefault(term) + 1;
                if (!_terms.TryGetValue(term, out var entry))
                    _terms[term] = entry = new IndexTerm(term, _terms.Count, fields.Count);
                var documents = entry.Documents[f];
                if (documents.Count == 0 || documents[^1] != documentRef) documents.Add(documentRef);
            }
            _fieldRefs.Add((documentRef, f, terms.Count, frequencies));
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

        var idfCache = new Dictionary<IndexTerm, double>();
        var vectors = new List<FieldVector>(_fieldRefs.Count);
        foreach (var (documentRef, f, length, frequencies) in _fieldRefs)
        {
            var boost = fields[f].Boost == 0 ? 1 : fields[f].Boost; // lunr: `boost || 1`
            var elements = new List<(int, double)>(frequencies.Count);
            foreach (var (text, tf) in frequencies)
            {
                var term = _terms[text];
                if (!idfCache.TryGetValue(term, out var idf)) idfCache[term] = idf = Idf(term, _documentCount);
                // The same operations in the same order as lunr, so every rounding step matches.
                var score = idf * ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / averageLength[f])) + tf);
                score *= boost;
                elements.Add((term.Index, JavaScriptMath.Round(score * 1000) / 1000));
            }
            elements.Sort((x, y) => x.Item1.CompareTo(y.Item1));
            vectors.Add(new FieldVector(documentRef, f, elements));
        }

        var sorted = _terms.Values.OrderBy(t => t.Text, StringComparer.Ordinal).ToList();
        foreach (var term in sorted)
        {
            // The word shown for a term in "bedoelde je …?": its most frequent form, ties broken ordinally.
            term.Word = _surfaces.TryGetValue(term.Text, out var words)
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
