using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MakersSite.Search.Indexing;

/// <summary>
/// lunr 2.3.9's <c>lunr.Builder</c> with the nl pipeline's terms already worked out by the caller: the postings with
/// their term frequencies and the field lengths, from which <see cref="LunrIndex.Weights"/> gives lunr's weights.
/// Terms arrive as keys (any dense numbering of the distinct terms); the builder numbers them as lunr does, in the
/// order it first meets them, with documents in ascending ref order, the order lunr.js keeps.
/// </summary>
public sealed class LunrIndexBuilder(IReadOnlyList<SearchField> fields)
{
    /// <summary>
    /// A term's first position in a document is its field's number times this plus its position in the field (checked to
    /// fit); the browser orders terms by document × 2^24 + position, so there can be four fields. Positions count per
    /// field so that an edit in one field does not move the terms of the fields after it.
    /// </summary>
    public const int FieldPositions = 1 << 22;

    /// <summary>Fills, per field in field order, the term keys of one document's tokens in text order.</summary>
    public delegate void TermSource(int document, List<int>[] fieldTerms);

    /// <summary>
    /// Builds the index of <paramref name="refs"/> (ascending). A site has millions of postings, so instead of keeping
    /// every document's term counts until the end (as lunr does), the documents are read twice: once to number terms
    /// and count them, once to put their frequencies straight into the postings.
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
        if (fields.Count > 4) throw new InvalidOperationException("First positions have room for four fields.");
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
        var frequencies = new int[offsets[^1]];

        // Pass 2, per run: term frequencies per document and field, into the postings (documents ascending).
        Parallel.ForEach(runs, parallel, run => run.Fill(terms, refs, fieldCount, keyCount, documents, frequencies));

        var fieldLengths = new int[refs.Count * fieldCount];
        var firstDocument = new int[keyCount];
        var firstPosition = new int[keyCount];
        Array.Fill(firstDocument, -1);
        foreach (var run in runs)
        {
            Array.Copy(run.FieldLengths, 0, fieldLengths, run.First * fieldCount, run.FieldLengths.Length);
            foreach (var (key, document, position) in run.FirstMetAt)
            {
                if (firstDocument[key] >= 0) continue;
                firstDocument[key] = refs[document];
                firstPosition[key] = position;
            }
        }
        var sorted = new IndexTerm[termCount];
        for (var t = 0; t < termCount; t++)
        {
            var key = keyOfIndex[t];
            sorted[t] = new IndexTerm(termTexts[key], t, termWords[key] ?? termTexts[key], firstDocument[key], firstPosition[key]);
        }
        Array.Sort(sorted, (x, y) => string.CompareOrdinal(x.Text, y.Text));
        return new LunrIndex(fields, sorted, refs.ToArray(), offsets, documents, frequencies, fieldLengths);
    }

    private static List<int>[] NewFieldLists(int fieldCount) => Enumerable.Range(0, fieldCount).Select(_ => new List<int>()).ToArray();

    /// <summary>Consecutive documents [First, End) that one thread reads in each pass.</summary>
    private sealed class DocumentRun(int first, int end, int slotCount)
    {
        public int First => first;
        public int End => end;
        /// <summary>Term keys in the order this run first meets them.</summary>
        public List<int> FirstMet { get; } = [];
        /// <summary>Per <see cref="FirstMet"/> term: the document (position in ref order) and the position in it.</summary>
        public List<(int Key, int Document, int Position)> FirstMetAt { get; } = [];
        public long[] TotalLength { get; private set; } = [];
        /// <summary>Per document of the run and field: its number of terms.</summary>
        public int[] FieldLengths { get; private set; } = [];
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
            FieldLengths = new int[(end - first) * fieldCount];
            var seen = new int[keyCount]; // per term key: the last (document, field) it was counted for, + 1
            var met = new bool[keyCount];
            for (var d = first; d < end; d++)
            {
                terms(d, fieldTerms);
                for (var f = 0; f < fieldCount; f++)
                {
                    var position = f * FieldPositions;
                    if (fieldTerms[f].Count >= FieldPositions) throw new InvalidOperationException($"A search document has more than {FieldPositions} terms in a field.");
                    TotalLength[f] += fieldTerms[f].Count;
                    FieldLengths[(d - first) * fieldCount + f] = fieldTerms[f].Count;
                    var mark = (d - first) * fieldCount + f + 1;
                    foreach (var key in CollectionsMarshal.AsSpan(fieldTerms[f]))
                    {
                        if (!met[key])
                        {
                            met[key] = true;
                            FirstMet.Add(key);
                            FirstMetAt.Add((key, d, position));
                        }
                        position++;
                        if (seen[key] == mark) continue;
                        seen[key] = mark;
                        Slots[key * fieldCount + f]++;
                    }
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Fill(TermSource terms, IReadOnlyList<int> refs, int fieldCount, int keyCount, int[] documents, int[] frequencies)
        {
            var fieldTerms = NewFieldLists(fieldCount);
            var counts = new int[keyCount];
            var order = new List<int>();
            for (var d = first; d < end; d++)
            {
                terms(d, fieldTerms);
                for (var f = 0; f < fieldCount; f++)
                {
                    order.Clear();
                    foreach (var key in CollectionsMarshal.AsSpan(fieldTerms[f]))
                    {
                        if (counts[key]++ == 0) order.Add(key);
                    }
                    foreach (var key in CollectionsMarshal.AsSpan(order))
                    {
                        var slot = Slots[key * fieldCount + f]++;
                        documents[slot] = refs[d];
                        frequencies[slot] = counts[key];
                        counts[key] = 0;
                    }
                }
            }
        }
    }
}
