namespace MakersSite.Search.Indexing;

/// <summary>
/// lunr 2.3.9's <c>lunr.Builder</c> with the nl pipeline's terms already worked out by the caller: BM25 with
/// k1 = 1.2 and b = 0.75, idf as lunr computes it, weights rounded as <c>Math.round(score * 1000) / 1000</c>.
/// Terms arrive as keys (any dense numbering of the distinct terms); the builder numbers them as lunr does, in the
/// order it first meets them, with documents in ascending ref order, the order lunr.js keeps.
/// </summary>
public sealed class LunrIndexBuilder(IReadOnlyList<SearchField> fields)
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>Fills, per field in field order, the term keys of one document's tokens in text order.</summary>
    public delegate void TermSource(int document, List<int>[] fieldTerms);

    /// <summary>
    /// Builds the index of <paramref name="refs"/> (ascending). A weight needs whole-site statistics and a site has
    /// millions of postings, so instead of keeping every document's term counts until the end (as lunr does), the
    /// documents are read twice: once to number terms and count them, once to weigh them straight into the postings.
    /// </summary>
    /// <param name="terms">Called twice for each document, with the same result both times.</param>
    /// <param name="termTexts">The text of each term key.</param>
    /// <param name="termWords">Per term key, the word shown for it in suggestions; null: the term itself.</param>
    public LunrIndex Build(IReadOnlyList<int> refs, TermSource terms, IReadOnlyList<string> termTexts, IReadOnlyList<string?> termWords)
    {
        for (var d = 1; d < refs.Count; d++)
        {
            if (refs[d] <= refs[d - 1]) throw new ArgumentException("Document refs must be ascending.", nameof(refs));
        }
        var fieldCount = fields.Count;
        var fieldTerms = Enumerable.Range(0, fieldCount).Select(_ => new List<int>()).ToArray();
        var indexOfKey = new int[termTexts.Count];
        Array.Fill(indexOfKey, -1);
        var keyOfIndex = new List<int>();
        var fieldDocuments = new List<int>(); // per lunr index × field: documents with the term in that field
        var totalLength = new double[fieldCount];
        var seen = new int[termTexts.Count]; // per term index: the last (document, field) it was counted for, + 1

        // Pass 1: number the terms in meeting order and count documents per term and field.
        for (var d = 0; d < refs.Count; d++)
        {
            terms(d, fieldTerms);
            for (var f = 0; f < fieldCount; f++)
            {
                totalLength[f] += fieldTerms[f].Count;
                var run = d * fieldCount + f + 1;
                foreach (var key in fieldTerms[f])
                {
                    var index = indexOfKey[key];
                    if (index < 0)
                    {
                        indexOfKey[key] = index = keyOfIndex.Count;
                        keyOfIndex.Add(key);
                        for (var i = 0; i < fieldCount; i++) fieldDocuments.Add(0);
                    }
                    if (seen[index] == run) continue;
                    seen[index] = run;
                    fieldDocuments[index * fieldCount + f]++;
                }
            }
        }

        var termCount = keyOfIndex.Count;
        var averageLength = totalLength.Select(total => total / refs.Count).ToArray();
        var idf = new double[termCount];
        for (var t = 0; t < termCount; t++)
        {
            // lunr.idf: documents with the term are counted once per field they contain it in.
            var withTerm = 0;
            for (var f = 0; f < fieldCount; f++) withTerm += fieldDocuments[t * fieldCount + f];
            var x = (refs.Count - withTerm + 0.5) / (withTerm + 0.5);
            idf[t] = JavaScriptMath.Log(1 + Math.Abs(x));
        }
        var offsets = new int[termCount * fieldCount + 1];
        for (var i = 0; i < termCount * fieldCount; i++) offsets[i + 1] = offsets[i] + fieldDocuments[i];
        var fill = offsets[..^1];
        var documents = new int[offsets[^1]];
        var weights = new int[offsets[^1]];

        // Pass 2: term frequencies per document and field, weighed into the postings (documents ascending).
        var counts = new int[termCount];
        var order = new List<int>();
        for (var d = 0; d < refs.Count; d++)
        {
            terms(d, fieldTerms);
            for (var f = 0; f < fieldCount; f++)
            {
                order.Clear();
                foreach (var key in fieldTerms[f])
                {
                    var index = indexOfKey[key];
                    if (counts[index]++ == 0) order.Add(index);
                }
                var boost = fields[f].Boost == 0 ? 1 : fields[f].Boost; // lunr: `boost || 1`
                var length = fieldTerms[f].Count;
                foreach (var index in order)
                {
                    double tf = counts[index];
                    counts[index] = 0;
                    // The same operations in the same order as lunr, so every rounding step matches.
                    var score = idf[index] * ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / averageLength[f])) + tf);
                    score *= boost;
                    var slot = fill[index * fieldCount + f]++;
                    documents[slot] = refs[d];
                    weights[slot] = (int)JavaScriptMath.Round(score * 1000);
                }
            }
        }

        var sorted = new IndexTerm[termCount];
        for (var t = 0; t < termCount; t++)
        {
            var key = keyOfIndex[t];
            sorted[t] = new IndexTerm(termTexts[key], t, termWords[key] ?? termTexts[key]);
        }
        Array.Sort(sorted, (x, y) => string.CompareOrdinal(x.Text, y.Text));
        return new LunrIndex(fields, sorted, refs.ToArray(), offsets, documents, weights);
    }
}
