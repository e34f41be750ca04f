using MakersSite.Search.Analysis;

namespace MakersSite.Search;

/// <summary>
/// What a serve session keeps of one build's search analysis for the next: the numbered words, their stems and each
/// document's analysis by fingerprint, so a rebuild after an edit analyses the edited document, not the whole site.
/// Used by one build at a time.
/// </summary>
public sealed class SearchAnalysisMemo
{
    internal WordTable Words { get; } = new();
    internal string?[] Stems { get; set; } = [];
    internal IReadOnlyDictionary<string, SearchEntry> Entries { get; set; } = new Dictionary<string, SearchEntry>();
}

/// <summary>One document as the search data keeps it. Words: per analysed field the numbers of its words, stop words
/// left out. Shown: what a result shows, as UTF-8. Hash: the fingerprint of everything the entry was made from.</summary>
internal sealed record SearchEntry(string Url, IndexedDocument Shown, int[][] Words, byte[] Hash, SearchDocument? Kept);
