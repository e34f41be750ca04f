using System.Globalization;
using System.Text;

namespace MakersSite.Search.Indexing;

/// <summary>A term of the inverted index: lunr's <c>_index</c> and, per field, the documents that contain it.</summary>
public sealed class IndexTerm(string text, int index, int fieldCount)
{
    public string Text { get; } = text;
    /// <summary>lunr's term index: the order in which the builder first met the term.</summary>
    public int Index { get; } = index;
    /// <summary>Per field (in field order), the refs of documents containing the term, ascending.</summary>
    public List<int>[] Documents { get; } = Enumerable.Range(0, fieldCount).Select(_ => new List<int>()).ToArray();
    /// <summary>A word of the site that analyses to this term, for suggestions (terms are stems).</summary>
    public string Word { get; internal set; } = text;
}

/// <summary>One document's field as lunr stores it: BM25 weights by term index, ascending.</summary>
public sealed record FieldVector(int DocumentRef, int Field, IReadOnlyList<(int TermIndex, double Weight)> Elements);

/// <summary>
/// lunr 2.3.9's index model, as <c>lunr.Builder.build()</c> produces it: an inverted index and field vectors whose
/// weights already carry the field boosts. <see cref="ToLunrJson"/> writes it exactly as <c>JSON.stringify(index)</c>
/// would (key order aside), so lunr.js can load it and the conformance test can compare the two.
/// </summary>
public sealed class LunrIndex(IReadOnlyList<SearchField> fields, IReadOnlyList<IndexTerm> terms, IReadOnlyList<FieldVector> fieldVectors, int documentCount)
{
    public const string LunrVersion = "2.3.9";
    public static readonly IReadOnlyList<string> SearchPipeline = ["trimmer-nl", "stemmer-nl"];

    public IReadOnlyList<SearchField> Fields { get; } = fields;
    /// <summary>All terms, sorted ordinally by UTF-16 code units, as lunr sorts them.</summary>
    public IReadOnlyList<IndexTerm> Terms { get; } = terms;
    /// <summary>Field vectors in lunr's order: document by document, field by field.</summary>
    public IReadOnlyList<FieldVector> FieldVectors { get; } = fieldVectors;
    public int DocumentCount { get; } = documentCount;

    public string ToLunrJson()
    {
        var sb = new StringBuilder();
        sb.Append("{\"version\":\"").Append(LunrVersion).Append("\",\"fields\":[");
        sb.AppendJoin(',', Fields.Select(f => Json.String(f.Name)));
        sb.Append("],\"fieldVectors\":[");
        var first = true;
        foreach (var vector in FieldVectors)
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
                sb.AppendJoin(',', term.Documents[f].Select(d => $"\"{d.ToString(CultureInfo.InvariantCulture)}\":{{}}"));
                sb.Append('}');
            }
            sb.Append("}]");
        }
        sb.Append("],\"pipeline\":[").AppendJoin(',', SearchPipeline.Select(Json.String)).Append("]}");
        return sb.ToString();
    }
}

/// <summary>A searchable field and its boost, baked into the weights as lunr does.</summary>
/// <param name="ShowsWords">Whether words of this field may be offered as suggestions (not for derived fields such as compound parts).</param>
public sealed record SearchField(string Name, double Boost, bool ShowsWords = true);
