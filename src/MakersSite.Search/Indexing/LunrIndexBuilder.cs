using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    /// Both passes run on consecutive runs of documents, one per core; joining the runs in document order gives the
    /// very numbering and postings a single pass would.
    /// </summary>
    /// <param name="terms">Called twice for each document, with the same result both times; from several threads at once,
    /// each with its own lists.</param>
    /// <param name="termTexts">The text of each term key.</param>
    /// <param name="termWords">Per term key, the word shown for it in suggestions; null: the term itself.</param>
    /// <param name="cores">How many runs the documents are cut into.</param>
    public LunrIndex Build(IReadOnlyList<int> refs, TermSource terms, IReadOnlyList<string> termTexts, IReadOnlyList<string?> termWords, int? cores = null)
    {
        for (var d = 1; d < refs.Count; d++)
        {
            if (refs[d] <= refs[d - 1]) throw new ArgumentException("Document refs must be ascending.", nameof(refs));
        }
        var fieldCount = fields.Count;
        var keyCount = termTexts.Count;
        var runCount = Math.Clamp(cores ?? Environment.ProcessorCount, 1, Math.Max(1, refs.Count));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = runCount };
        var runs = new DocumentRun[runCount];
        for (var r = 0; r < runCount; r++)
            runs[r] = new DocumentRun((int)((long)refs.Count * r / runCount), (int)((long)refs.Count * (r + 1) / runCount), keyCount * fieldCount);

        // Pass 1, per run: the terms in the order the run meets them, and per term key and field how many of its documents have it.
        Parallel.ForEach(runs, parallel, run => run.Count(terms, fieldCount, keyCount));

        // lunr numbers terms in the order it meets them over all documents: run after run.
        var indexOfKey = new int[keyCount];
        Array.Fill(indexOfKey, -1);
        var keyOfIndex = new List<int>();
        foreach (var run in runs)
        {
            foreach (var key in run.FirstMet)
            {
                if (indexOfKey[key] < 0)
                {
                    indexOfKey[key] = keyOfIndex.Count;
                    keyOfIndex.Add(key);
                }
            }
        }
        var termCount = keyOfIndex.Count;
        var fieldDocuments = new int[termCount * fieldCount]; // per term index × field: documents with the term in that field
        var totalLength = new long[fieldCount];
        foreach (var run in runs)
        {
            for (var f = 0; f < fieldCount; f++) totalLength[f] += run.TotalLength[f];
            for (var t = 0; t < termCount; t++)
            {
                for (var f = 0; f < fieldCount; f++) fieldDocuments[t * fieldCount + f] += run.Slots[keyOfIndex[t] * fieldCount + f];
            }
        }

        var averageLength = totalLength.Select(total => (double)total / refs.Count).ToArray();
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
        // Each run writes its postings after those of the runs before it: its counts become its first slots.
        var next = offsets[..^1];
        foreach (var run in runs)
        {
            for (var t = 0; t < termCount; t++)
            {
                for (var f = 0; f < fieldCount; f++)
                {
                    var slot = keyOfIndex[t] * fieldCount + f;
                    var count = run.Slots[slot];
                    run.Slots[slot] = next[t * fieldCount + f];
                    next[t * fieldCount + f] += count;
                }
            }
        }
        var documents = new int[offsets[^1]];
        var weights = new int[offsets[^1]];

        // Pass 2, per run: term frequencies per document and field, weighed into the postings (documents ascending).
        var boosts = fields.Select(f => f.Boost == 0 ? 1 : f.Boost).ToArray(); // lunr: `boost || 1`
        Parallel.ForEach(runs, parallel, run => run.Weigh(terms, refs, idf, indexOfKey, averageLength, boosts, keyCount, documents, weights));

        var sorted = new IndexTerm[termCount];
        for (var t = 0; t < termCount; t++)
        {
            var key = keyOfIndex[t];
            sorted[t] = new IndexTerm(termTexts[key], t, termWords[key] ?? termTexts[key]);
        }
        Array.Sort(sorted, (x, y) => string.CompareOrdinal(x.Text, y.Text));
        return new LunrIndex(fields, sorted, refs.ToArray(), offsets, documents, weights);
    }

    private static List<int>[] NewFieldLists(int fieldCount) => Enumerable.Range(0, fieldCount).Select(_ => new List<int>()).ToArray();

    /// <summary>Consecutive documents [First, End) that one thread reads in each pass.</summary>
    private sealed class DocumentRun(int first, int end, int slotCount)
    {
        public int First => first;
        public int End => end;
        /// <summary>Term keys in the order this run first meets them.</summary>
        public List<int> FirstMet { get; } = [];
        public long[] TotalLength { get; private set; } = [];
        /// <summary>Per term key × field: after pass 1 how many of the run's documents have it; in pass 2 the next free posting slot.</summary>
        public int[] Slots { get; } = new int[slotCount];

        // Both passes run once per run, over all of its documents: compiled optimized from the start, since code
        // precompiled ahead of time (ReadyToRun) is only recompiled for a method called often, and would otherwise
        // call out for every list step instead of inlining it.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Count(TermSource terms, int fieldCount, int keyCount)
        {
            var fieldTerms = NewFieldLists(fieldCount);
            TotalLength = new long[fieldCount];
            var seen = new int[keyCount]; // per term key: the last (document, field) it was counted for, + 1
            var met = new bool[keyCount];
            for (var d = first; d < end; d++)
            {
                terms(d, fieldTerms);
                for (var f = 0; f < fieldCount; f++)
                {
                    TotalLength[f] += fieldTerms[f].Count;
                    var mark = (d - first) * fieldCount + f + 1;
                    foreach (var key in CollectionsMarshal.AsSpan(fieldTerms[f]))
                    {
                        if (!met[key])
                        {
                            met[key] = true;
                            FirstMet.Add(key);
                        }
                        if (seen[key] == mark) continue;
                        seen[key] = mark;
                        Slots[key * fieldCount + f]++;
                    }
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Weigh(TermSource terms, IReadOnlyList<int> refs, double[] idf, int[] indexOfKey, double[] averageLength, double[] boosts,
            int keyCount, int[] documents, int[] weights)
        {
            var fieldCount = boosts.Length;
            var fieldTerms = NewFieldLists(fieldCount);
            var counts = new int[keyCount];
            var order = new List<int>();
            for (var d = first; d < end; d++)
            {
                terms(d, fieldTerms);
                for (var f = 0; f < fieldCount; f++)
                {
                    order.Clear();
                    var fieldKeys = CollectionsMarshal.AsSpan(fieldTerms[f]);
                    foreach (var key in fieldKeys)
                    {
                        if (counts[key]++ == 0) order.Add(key);
                    }
                    var length = fieldKeys.Length;
                    foreach (var key in CollectionsMarshal.AsSpan(order))
                    {
                        double tf = counts[key];
                        counts[key] = 0;
                        // The same operations in the same order as lunr, so every rounding step matches.
                        var score = idf[indexOfKey[key]] * ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / averageLength[f])) + tf);
                        score *= boosts[f];
                        var slot = Slots[key * fieldCount + f]++;
                        documents[slot] = refs[d];
                        weights[slot] = (int)JavaScriptMath.Round(score * 1000);
                    }
                }
            }
        }
    }
}
