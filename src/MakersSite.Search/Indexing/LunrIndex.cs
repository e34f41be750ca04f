using System.Globalization;
using System.Text;

namespace MakersSite.Search.Indexing;

/// <summary>A term of the inverted index.</summary>
/// <param name="Index">lunr's term index: the order in which the builder first met the term.</param>
/// <param name="Word">A word of the site that analyses to this term, for suggestions (terms are stems).</param>
/// <param name="FirstDocument">The ref of the first document (in ref order) that has the term.</param>
/// <param name="FirstPosition">Where that document first has it: the field's number × <see cref="LunrIndexBuilder.FieldPositions"/> + the position in the field.
/// (<see cref="FirstDocument"/>, <see cref="FirstPosition"/>) orders terms as <see cref="Index"/> does, but unlike the
/// index it stays the same when an edit elsewhere brings in or takes away a term.</param>
public sealed record IndexTerm(string Text, int Index, string Word, int FirstDocument, int FirstPosition);

/// <summary>One document's field as lunr stores it: BM25 weights by term index, ascending.</summary>
public sealed record FieldVector(int DocumentRef, int Field, IReadOnlyList<(int TermIndex, double Weight)> Elements);

/// <summary>
/// lunr 2.3.9's index model, as <c>lunr.Builder.build()</c> produces it, kept as postings: per term and field the
/// documents containing it and how often, plus each document's field lengths; <see cref="Weights"/> works out
/// lunr's BM25 weights from them (the search data ships the same counts and the browser does the same).
/// <see cref="ToLunrJson"/> writes it exactly as <c>JSON.stringify(index)</c> would (key order aside), so lunr.js can
/// load it and the conformance test can compare the two.
/// </summary>
public sealed class LunrIndex
{
    public const string LunrVersion = "2.3.9";
    public static readonly IReadOnlyList<string> SearchPipeline = ["trimmer-nl", "stemmer-nl"];

    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly int[] _offsets;
    private readonly int[] _documents;
    private readonly int[] _frequencies;
    private readonly int[] _refs;
    private readonly int[] _fieldLengths;
    private readonly bool _refsArePositions;
    private readonly int _fieldCount;

    internal LunrIndex(IReadOnlyList<SearchField> fields, IReadOnlyList<IndexTerm> terms, int[] refs, int[] offsets, int[] documents,
        int[] frequencies, int[] fieldLengths)
    {
        _refs = refs;
        Fields = fields;
        _fieldCount = fields.Count;
        Terms = terms;
        _offsets = offsets;
        _documents = documents;
        _frequencies = frequencies;
        _fieldLengths = fieldLengths;
        _refsArePositions = refs.Length == 0 || (refs[0] == 0 && refs[^1] == refs.Length - 1); // ascending and distinct: 0, 1, 2, …
        TotalLengths = Enumerable.Range(0, _fieldCount).Select(f =>
        {
            long total = 0;
            for (var d = 0; d < refs.Length; d++) total += fieldLengths[d * _fieldCount + f];
            return total;
        }).ToArray();
    }

    public IReadOnlyList<SearchField> Fields { get; }
    /// <summary>All terms, sorted ordinally by UTF-16 code units, as lunr sorts them.</summary>
    public IReadOnlyList<IndexTerm> Terms { get; }
    public int DocumentCount => _refs.Length;

    /// <summary>The refs of the documents that have the term in the field, ascending.</summary>
    public ReadOnlySpan<int> Documents(int termIndex, int field) => Slice(_documents, termIndex, field);

    /// <summary>How often each of <see cref="Documents"/> has the term in the field.</summary>
    public ReadOnlySpan<int> Frequencies(int termIndex, int field) => Slice(_frequencies, termIndex, field);

    /// <summary>Per field, the number of terms of all documents together (lunr's average field length is this over the document count).</summary>
    public IReadOnlyList<long> TotalLengths { get; }

    /// <summary>How many terms the document with the given position in ref order has in the field.</summary>
    public int FieldLength(int documentPosition, int field) => _fieldLengths[documentPosition * _fieldCount + field];

    /// <summary>How many terms the document <paramref name="documentRef"/> has in the field.</summary>
    public int FieldLengthOf(int documentRef, int field) =>
        FieldLength(_refsArePositions ? documentRef : Array.BinarySearch(_refs, documentRef), field);

    /// <summary>
    /// lunr's weights of <see cref="Documents"/>, times 1000 (lunr's weight is this over 1000): BM25 with k1 = 1.2 and
    /// b = 0.75, the field boost, rounded as <c>Math.round(score * 1000)</c>; the same operations in the same order as
    /// <c>lunr.Builder#createFieldVectors</c>, so every rounding step matches.
    /// </summary>
    public int[] Weights(int termIndex, int field)
    {
        var withTerm = 0;
        for (var f = 0; f < _fieldCount; f++) withTerm += Documents(termIndex, f).Length;
        var x = (_refs.Length - withTerm + 0.5) / (withTerm + 0.5);
        var idf = JavaScriptMath.Log(1 + Math.Abs(x));
        var averageLength = (double)TotalLengths[field] / _refs.Length;
        var boost = Fields[field].Boost == 0 ? 1 : Fields[field].Boost; // lunr: `boost || 1`
        var documents = Documents(termIndex, field);
        var frequencies = Frequencies(termIndex, field);
        var weights = new int[documents.Length];
        for (var i = 0; i < documents.Length; i++)
        {
            double tf = frequencies[i];
            var length = FieldLengthOf(documents[i], field);
            var score = idf * ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / averageLength)) + tf);
            score *= boost;
            weights[i] = (int)JavaScriptMath.Round(score * 1000);
        }
        return weights;
    }

    /// <summary>How many documents contain the term in any field.</summary>
    public int DocumentFrequency(int termIndex)
    {
        // Called for every term when the term lists are written: positions into the postings arrays rather than a
        // span and an interface call per step (that made it a tenth of a one-change rebuild of the index at 10,000 pages).
        var fieldCount = _fieldCount;
        Span<int> at = stackalloc int[fieldCount];
        Span<int> end = stackalloc int[fieldCount];
        var firstSlot = termIndex * fieldCount;
        var withPostings = 0;
        var onlyField = 0;
        for (var f = 0; f < fieldCount; f++)
        {
            at[f] = _offsets[firstSlot + f];
            end[f] = _offsets[firstSlot + f + 1];
            if (at[f] < end[f])
            {
                withPostings++;
                onlyField = f;
            }
        }
        if (withPostings <= 1) return withPostings == 0 ? 0 : end[onlyField] - at[onlyField];
        // Each field's documents are ascending: step through them together, counting each document once.
        var count = 0;
        while (true)
        {
            var lowest = int.MaxValue;
            for (var f = 0; f < fieldCount; f++)
            {
                if (at[f] < end[f] && _documents[at[f]] < lowest) lowest = _documents[at[f]];
            }
            if (lowest == int.MaxValue) return count;
            count++;
            for (var f = 0; f < fieldCount; f++)
            {
                if (at[f] < end[f] && _documents[at[f]] == lowest) at[f]++;
            }
        }
    }

    /// <summary>Field vectors in lunr's order (document by document, field by field), worked out from the postings.</summary>
    public IEnumerable<FieldVector> FieldVectors()
    {
        var position = _refs.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i);
        var elements = new List<(int, double)>[_refs.Length * Fields.Count];
        for (var i = 0; i < elements.Length; i++) elements[i] = [];
        // Terms in index order, so each vector's elements come out ascending by term index.
        for (var t = 0; t < Terms.Count; t++)
        {
            for (var f = 0; f < Fields.Count; f++)
            {
                var documents = Documents(t, f);
                var weights = Weights(t, f);
                for (var i = 0; i < documents.Length; i++) elements[position[documents[i]] * Fields.Count + f].Add((t, weights[i] / 1000.0));
            }
        }
        for (var d = 0; d < _refs.Length; d++)
        {
            for (var f = 0; f < Fields.Count; f++) yield return new FieldVector(_refs[d], f, elements[d * Fields.Count + f]);
        }
    }

    public string ToLunrJson()
    {
        var sb = new StringBuilder();
        sb.Append("{\"version\":\"").Append(LunrVersion).Append("\",\"fields\":[");
        sb.AppendJoin(',', Fields.Select(f => Json.String(f.Name)));
        sb.Append("],\"fieldVectors\":[");
        var first = true;
        foreach (var vector in FieldVectors())
        {
            if (!first) sb.Append(',');
            first = false;
            // lunr.FieldRef's string form: field name, '/', document ref.
            sb.Append('[').Append(Json.String(Fields[vector.Field].Name + "/" + vector.DocumentRef.ToString(CultureInfo.InvariantCulture))).Append(",[");
            sb.AppendJoin(',', vector.Elements.Select(e => $"{e.TermIndex.ToString(CultureInfo.InvariantCulture)},{Json.Number(e.Weight)}"));
            sb.Append("]]");
        }
        sb.Append("],\"invertedIndex\":[");
        first = true;
        foreach (var term in Terms)
        {
            if (!first) sb.Append(',');
            first = false;
            sb.Append('[').Append(Json.String(term.Text)).Append(",{\"_index\":").Append(term.Index.ToString(CultureInfo.InvariantCulture));
            for (var f = 0; f < Fields.Count; f++)
            {
                sb.Append(',').Append(Json.String(Fields[f].Name)).Append(":{");
                sb.AppendJoin(',', Documents(term.Index, f).ToArray().Select(d => $"\"{d.ToString(CultureInfo.InvariantCulture)}\":{{}}"));
                sb.Append('}');
            }
            sb.Append("}]");
        }
        sb.Append("],\"pipeline\":[").AppendJoin(',', SearchPipeline.Select(Json.String)).Append("]}");
        return sb.ToString();
    }

    private ReadOnlySpan<int> Slice(int[] values, int termIndex, int field)
    {
        var slot = termIndex * Fields.Count + field;
        return values.AsSpan(_offsets[slot], _offsets[slot + 1] - _offsets[slot]);
    }
}

/// <summary>A searchable field and its boost, baked into the weights as lunr does.</summary>
/// <param name="ShowsWords">Whether words of this field may be offered as suggestions (not for derived fields such as compound parts).</param>
/// <param name="LengthsInManifest">Whether the search data lists every document's length of this field once, in the
/// manifest, rather than in each posting: for a long field that most edits change (the body), so an edit changes the
/// postings of the terms whose frequency changed only, not of every term of the page.</param>
public sealed record SearchField(string Name, double Boost, bool ShowsWords = true, bool LengthsInManifest = false);
