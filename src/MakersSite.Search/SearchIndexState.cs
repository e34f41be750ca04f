namespace MakersSite.Search;

/// <summary>
/// What one build's search data was made of, beyond each document's analysis, so the next build can patch the data
/// after an edit instead of making it anew (<see cref="SearchIndexBuilder"/>): which documents in which order, how
/// often each word occurs, the compound parts of each word, the field lengths of all documents together and where
/// the postings and term lists were cut. Word numbers are those of the memo's word table.
/// </summary>
internal sealed class SearchIndexState
{
    /// <summary>The search key (<see cref="SearchIndexBuilder.Key"/>) of the data this describes.</summary>
    public required string Key { get; init; }
    /// <summary>Documents in ref order: their addresses and fingerprints.</summary>
    public required string[] Urls { get; init; }
    public required byte[][] Hashes { get; init; }
    /// <summary>Per word number: its occurrences in the documents' analysed fields (zero: not a word of the site).</summary>
    public required int[] Occurrences { get; init; }
    /// <summary>Per word number: the word numbers of its compound parts.</summary>
    public required int[][] Parts { get; init; }
    public required long[] TotalLengths { get; init; }
    public required List<(string First, string Path)> Shards { get; init; }
    public required List<(string First, string Path)> TermLists { get; init; }
}
