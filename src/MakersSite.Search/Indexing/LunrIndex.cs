using System.Globalization;
using System.Text;

namespace MakersSite.Search.Indexing;

/// <summary>A term of the inverted index.</summary>
/// <param name="Index">lunr's term index: the order in which the builder first met the term.</param>
/// <param name="Word">A word of the site that analyses to this term, for suggestions (terms are stems).</param>
public sealed record IndexTerm(string Text, int Index, string Word);

/// <summary>One document's field as lunr stores it: BM25 weights by term index, ascending.</summary>
public sealed record FieldVector(int DocumentRef, int Field, IReadOnlyList<(int TermIndex, double Weight)> Elements);

/// <summary>
/// lunr 2.3.9's index model, as <c>lunr.Builder.build()</c> produces it, kept as postings: per term and field the
/// documents containing it and their weights (with the field boost) times 1000, which lunr rounds them to.
/// <see cref="ToLunrJson"/> writes it exactly as <c>JSON.stringify(index)</c> would (key order aside), so lunr.js can
/// load it and the conformance test can compare the two.
/// </summary>
public sealed class LunrIndex
{
    public const string LunrVersion = "2.3.9";
    public static readonly IReadOnlyList<string> SearchPipeline = ["trimmer-nl", "stemmer-nl"];

    private readonly int[] _offsets;
    private readonly int[] _documents;
    private readonly int[] _weights;
    private readonly int[] _refs;
    private readonly int _fieldCount;

    internal LunrIndex(IReadOnlyList<SearchField> fields, IReadOnlyList<IndexTerm> terms, int[] refs, int[] offsets, int[] documents, int[] weights)
    {
        _refs = refs;
        Fields = fields;
        _fieldCount = fields.Count;
        Terms = terms;
        _offsets = offsets;
        _documents = documents;
        _weights = weights;
    }

    public IReadOnlyList<SearchField> Fields { get; }
    /// <summary>All terms, sorted ordinally by UTF-16 code units, as lunr sorts them.</summary>
    public IReadOnlyList<IndexTerm> Terms { get; }
    public int DocumentCount => _refs.Length;

    /// <summary>The refs of the documents that have the term in the field, ascending.</summary>
    public ReadOnlySpan<int> Documents(int termIndex, int field) => Slice(_documents, termIndex, field);

    /// <summary>The weights belonging to <see cref="Documents"/>, times 1000 (lunr's weight is this over 1000).</summary>
    public ReadOnlySpan<int> Weights(int termIndex, int field) => Slice(_weights, termIndex, field);

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
public sealed record SearchField(string Name, double Boost, bool ShowsWords = true);
