using System.Text.Json;
using MakersSite.Search.Indexing;

namespace MakersSite.Search;

/// <summary>The previous build's search files: path → content hash, and a way to read one back (null when it cannot be).</summary>
public sealed record PreviousSearchFiles(IReadOnlyDictionary<string, string> HashByPath, Func<string, string?> Read);

/// <summary>
/// Carries out a <see cref="PatchPlan"/>: only the entries of the terms the edited documents have or had change, so
/// the shards and term lists holding them are read back, patched and cut again (their cuts depend on nearby
/// entries only); everything else is kept.
/// </summary>
internal sealed class IndexPatcher
{
    private static readonly int FieldCount = SearchIndexWriter.Fields.Count;
    private static readonly bool[] LengthInPostings = SearchIndexWriter.Fields.Select(f => !f.LengthsInManifest).ToArray();

    private readonly PatchPlan _plan;
    private readonly PreviousSearchFiles _previous;
    private readonly Dictionary<int, DocumentTerms> _oldTerms;
    private readonly Dictionary<int, DocumentTerms> _newTerms;
    private readonly Dictionary<int, DocumentTerms> _unchangedTerms = [];
    private readonly int[] _none = new int[FieldCount];
    private readonly HashSet<string> _gone = new(StringComparer.Ordinal);
    private readonly List<SearchFile> _newFiles = [];
    private readonly List<string> _kept = [];
    private Dictionary<string, string> _shownWord = [];
    private Dictionary<string, int> _documentFrequencyChange = [];

    public IndexPatcher(PatchPlan plan, PreviousSearchFiles previous)
    {
        _plan = plan;
        _previous = previous;
        _oldTerms = plan.Changed.ToDictionary(d => d, d => DocumentTerms.Of(plan.Before[d].Words, plan.Stems, plan.State.Parts, FieldCount));
        _newTerms = plan.Changed.ToDictionary(d => d, d => DocumentTerms.Of(plan.Documents[d].Words, plan.Stems, plan.Parts, FieldCount));
    }

    /// <summary>The new files (and the kept ones' paths), or null when the previous files cannot be read or do not fit.</summary>
    public SearchBundle? TryWrite(SearchAnalysisMemo memo, string key, Action<SearchFile> emit, ParallelOptions parallel, bool emitConcurrently)
    {
        var (dirty, usesChanged, totals) = DirtyTerms();
        _shownWord = ShownWordsOf(usesChanged);
        _documentFrequencyChange = DocumentFrequencyChange();
        var state = _plan.State;
        var shards = Rechunk(state.Shards, [.. dirty], PatchShardEntry, SearchIndexWriter.Shards(), "s");
        if (shards is null) return null;
        var termLists = Rechunk(state.TermLists, [.. dirty.Union(usesChanged).Order(StringComparer.Ordinal)], PatchTermListEntry, SearchIndexWriter.TermLists(), "t");
        if (termLists is null || !DocumentFiles()) return null;
        var facets = FacetsFile();
        if (ManifestLengths() is not { } manifestLengths) return null;
        _newFiles.Add(SearchIndexWriter.Manifest(_plan.Documents.Length, totals, manifestLengths, shards, termLists, facets));

        if (emitConcurrently) Parallel.ForEach(_newFiles, parallel, emit);
        else _newFiles.ForEach(emit);
        memo.Index = new SearchIndexState
        {
            Key = key, Urls = state.Urls, Hashes = _plan.Documents.Select(d => d.Hash).ToArray(), Occurrences = _plan.Occurrences, Parts = _plan.Parts,
            TotalLengths = totals, Shards = shards, TermLists = termLists,
        };
        return new SearchBundle(_newFiles, null, [], []) { Kept = _kept };
    }

    /// <summary>The terms whose entries change, the terms whose shown word may change, and the fields' total lengths after the edit.</summary>
    private (SortedSet<string> Dirty, HashSet<string> UsesChanged, long[] Totals) DirtyTerms()
    {
        var dirty = new SortedSet<string>(StringComparer.Ordinal);
        var totals = (long[])_plan.State.TotalLengths.Clone();
        foreach (var d in _plan.Changed)
        {
            var (o, n) = (_oldTerms[d], _newTerms[d]);
            for (var f = 0; f < FieldCount; f++) totals[f] += n.Lengths[f] - o.Lengths[f];
            foreach (var term in o.Terms.Keys.Union(n.Terms.Keys))
            {
                var had = o.Terms.GetValueOrDefault(term);
                var has = n.Terms.GetValueOrDefault(term);
                var same = had is not null && has is not null && had.FirstPosition == has.FirstPosition;
                // A field length in the postings changes them for every term of the page; one in the manifest does not.
                for (var f = 0; f < FieldCount && same; f++)
                    same = had!.Frequencies[f] == has!.Frequencies[f] && (has.Frequencies[f] == 0 || o.Lengths[f] == n.Lengths[f] || !LengthInPostings[f]);
                if (!same) dirty.Add(term);
            }
        }
        // A term's shown word follows its words' uses, which can change while the term's frequency does not
        // (one form of it replaced by another).
        var usesChanged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in _plan.TouchedWords)
        {
            if ((_plan.Was(w) ? _plan.State.Occurrences[w] : 0) != _plan.Occurrences[w] && _plan.Stems[w] is { Length: > 0 } stem) usesChanged.Add(stem);
        }
        return (dirty, usesChanged, totals);
    }

    /// <summary>The word shown for each of <paramref name="terms"/>, chosen by the full write's rule.</summary>
    private Dictionary<string, string> ShownWordsOf(HashSet<string> terms)
    {
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        if (terms.Count == 0) return shown;
        var best = new Dictionary<string, (int Uses, string Word)>(StringComparer.Ordinal);
        var (occurrences, stems) = (_plan.Occurrences, _plan.Stems);
        for (var w = 0; w < occurrences.Length; w++)
        {
            if (occurrences[w] == 0 || stems[w] is not { Length: > 0 } stem || !terms.Contains(stem)) continue;
            var word = _plan.Table[w];
            if (!best.TryGetValue(stem, out var current) || ShownWords.Prefer(occurrences[w], word, current.Uses, current.Word)) best[stem] = (occurrences[w], word);
        }
        foreach (var (stem, (_, word)) in best) shown[stem] = word;
        return shown;
    }

    /// <summary>How many more (or fewer) documents have each term: the term lists' counts change by that.</summary>
    private Dictionary<string, int> DocumentFrequencyChange()
    {
        var change = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in _plan.Changed)
        {
            foreach (var term in _oldTerms[d].Terms.Keys) change[term] = change.GetValueOrDefault(term) - 1;
            foreach (var term in _newTerms[d].Terms.Keys) change[term] = change.GetValueOrDefault(term) + 1;
        }
        return change;
    }

    private DocumentTerms TermsOfDocument(int d) =>
        _newTerms.TryGetValue(d, out var known) ? known
        : _unchangedTerms.TryGetValue(d, out known) ? known
        : _unchangedTerms[d] = DocumentTerms.Of(_plan.Documents[d].Words, _plan.Stems, _plan.Parts, FieldCount);

    private bool PatchShardEntry(string term, string? raw, out string? patched)
    {
        patched = null;
        var text = raw ?? EntryText.Empty(term, FieldCount);
        var oldFirst = raw is null ? -1 : EntryText.First(raw).Document;
        foreach (var d in _plan.Changed)
        {
            var has = _newTerms[d].Terms.GetValueOrDefault(term);
            if (EntryText.WithDocument(text, LengthInPostings, d, has?.Frequencies ?? _none, _newTerms[d].Lengths) is not { } next) return false;
            text = next;
        }
        var first = EntryText.FirstDocument(text);
        if (first < 0)
        {
            _gone.Add(term); // no document has the term any more
            return true;
        }
        if (first != oldFirst || _plan.Edited.Contains(first))
        {
            if (TermsOfDocument(first).Terms.GetValueOrDefault(term) is not { } at) return false;
            text = EntryText.WithFirst(text, first, at.FirstPosition);
        }
        patched = text;
        return true;
    }

    private bool PatchTermListEntry(string term, string? raw, out string? patched)
    {
        patched = null;
        if (_gone.Contains(term)) return true;
        var old = raw is null ? null : TermListEntryWord(raw);
        if (raw is not null && old is null) return false;
        var frequency = (old?.Frequency ?? 0) + _documentFrequencyChange.GetValueOrDefault(term);
        if (frequency <= 0) return false; // not data this build made
        patched = SearchIndexWriter.TermListEntry(term, frequency, _shownWord.GetValueOrDefault(term) ?? old?.Word ?? term);
        return true;
    }

    /// <summary>The edited documents' files anew, the others kept; false when one of those is missing.</summary>
    private bool DocumentFiles()
    {
        for (var d = 0; d < _plan.Documents.Length; d++)
        {
            var path = $"d/{d}.js";
            if (_plan.Edited.Contains(d)) _newFiles.Add(SearchIndexWriter.DocumentFile(d, _plan.Documents[d].Shown));
            else if (_previous.HashByPath.ContainsKey(path)) _kept.Add(path);
            else return false;
        }
        return true;
    }

    /// <summary>The facets file follows every document's facets: when the edited ones kept theirs, it is the same file.</summary>
    private string FacetsFile()
    {
        var (documents, before) = (_plan.Documents, _plan.Before);
        var sameFacets = _plan.Changed.All(d => before[d].Shown.Type == documents[d].Shown.Type && before[d].Shown.Facets.SequenceEqual(documents[d].Shown.Facets));
        var facets = sameFacets ? _previous.HashByPath.Keys.SingleOrDefault(p => p.StartsWith("facets-", StringComparison.Ordinal)) : null;
        if (facets is not null) _kept.Add(facets);
        else facets = SearchIndexWriter.WriteFacets(documents.Select(d => d.Shown).ToList(), _newFiles.Add);
        return facets;
    }

    /// <summary>The lengths the manifest lists: the previous build's, with the edited documents' own; null when they cannot be read.</summary>
    private int[]?[]? ManifestLengths()
    {
        if (PreviousManifestLengths(_previous, FieldCount, _plan.Documents.Length) is not { } lengths) return null;
        foreach (var d in _plan.Changed)
        {
            for (var f = 0; f < FieldCount; f++)
                if (lengths[f] is { } listed) listed[d] = _newTerms[d].Lengths[f];
        }
        return lengths;
    }

    /// <summary>Makes a term's entry anew from its old JSON (null: the term is new); false when it cannot, a null entry when the term is gone.</summary>
    private delegate bool EntryPatch(string term, string? raw, out string? entry);

    /// <summary>
    /// Cuts the entries of <paramref name="ranges"/> again where <paramref name="dirty"/> terms (sorted) are, patched,
    /// added or taken out: a file without one is kept unless a patched stretch runs on into it, until a cut the old
    /// files share.
    /// </summary>
    /// <returns>The new ranges, or null when a file cannot be read or an entry cannot be patched.</returns>
    private List<(string First, string Path)>? Rechunk(List<(string First, string Path)> ranges, string[] dirty, EntryPatch patch, ContentDefinedChunks chunks, string folder)
    {
        var result = new List<(string First, string Path)>();
        var next = 0;
        for (var i = 0; i < ranges.Count; i++)
        {
            var (first, path) = ranges[i];
            var end = i + 1 < ranges.Count ? ranges[i + 1].First : null;
            // Terms before the first file's first term belong to the first file; all others to the file whose range holds them.
            bool InThisFile(string term) => end is null || string.CompareOrdinal(term, end) < 0;
            var hasDirty = next < dirty.Length && InThisFile(dirty[next]);
            if (chunks.AtBoundary && !hasDirty)
            {
                result.Add((first, path));
                _kept.Add(path);
                continue;
            }
            if (!_previous.HashByPath.ContainsKey(path) || _previous.Read(path) is not { } text
                || SearchIndexWriter.Payload(path, text) is not { } payload || EntryText.Entries(payload) is not { } entries) return null;
            foreach (var (term, raw) in entries)
            {
                while (next < dirty.Length && string.CompareOrdinal(dirty[next], term) < 0)
                {
                    if (!Feed(dirty[next++], null)) return null; // a new term
                }
                if (next < dirty.Length && dirty[next] == term)
                {
                    next++;
                    if (!Feed(term, raw)) return null;
                }
                else if (chunks.Add(term, raw) is { } chunk)
                {
                    Add(chunk);
                }
            }
            while (next < dirty.Length && InThisFile(dirty[next]))
            {
                if (!Feed(dirty[next++], null)) return null;
            }
        }
        if (chunks.Close() is { } last) Add(last);
        return next == dirty.Length ? result : null;

        bool Feed(string term, string? raw)
        {
            if (!patch(term, raw, out var entry)) return false;
            if (entry is not null && chunks.Add(term, entry) is { } chunk) Add(chunk);
            return true;
        }

        void Add((string First, string Payload) chunk)
        {
            var file = SearchIndexWriter.ChunkFile(folder, chunk.Payload);
            _newFiles.Add(file);
            result.Add((chunk.First, file.Path));
        }
    }

    /// <summary>The per-document field lengths the previous manifest lists (null for fields it does not), or null when it cannot be read.</summary>
    private static int[]?[]? PreviousManifestLengths(PreviousSearchFiles previous, int fieldCount, int documentCount)
    {
        const string path = "manifest.js";
        if (!previous.HashByPath.ContainsKey(path) || previous.Read(path) is not { } text || SearchIndexWriter.Payload(path, text) is not { } payload) return null;
        try
        {
            using var json = JsonDocument.Parse(payload);
            var lists = json.RootElement.GetProperty("fieldLengths");
            if (lists.GetArrayLength() != fieldCount) return null;
            var result = new int[]?[fieldCount];
            for (var f = 0; f < fieldCount; f++)
            {
                var list = lists[f];
                if (list.ValueKind == JsonValueKind.Null) continue;
                if (list.GetArrayLength() != documentCount || !SearchIndexWriter.Fields[f].LengthsInManifest) return null;
                var lengths = result[f] = new int[documentCount];
                var d = 0;
                foreach (var length in list.EnumerateArray()) lengths[d++] = length.GetInt32();
            }
            return Enumerable.Range(0, fieldCount).All(f => (result[f] is not null) == SearchIndexWriter.Fields[f].LengthsInManifest) ? result : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return null;
        }
    }

    /// <summary>A term list entry's shown word: [term, frequency] shows the term itself, [term, frequency, word] the word.</summary>
    private static (string Word, int Frequency)? TermListEntryWord(string raw)
    {
        try
        {
            using var json = JsonDocument.Parse(raw);
            var items = json.RootElement;
            var term = items[0].GetString()!;
            return (items.GetArrayLength() > 2 ? items[2].GetString()! : term, items[1].GetInt32());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>One document's terms as the index sees them: per term its frequency per field and first position; per field its length.</summary>
    private sealed class DocumentTerms
    {
        public sealed record Term(int[] Frequencies, int FirstPosition);

        public Dictionary<string, Term> Terms { get; } = new(StringComparer.Ordinal);
        public int[] Lengths { get; private init; } = [];

        /// <summary>The same terms, in the same order, as the full write gives lunr: title, summary, body, then the compounds' parts.</summary>
        public static DocumentTerms Of(int[][] words, string?[] stems, int[][] parts, int fieldCount)
        {
            var fields = Enumerable.Range(0, fieldCount).Select(_ => new List<string>()).ToArray();
            for (var f = 0; f < words.Length; f++)
            {
                foreach (var w in words[f])
                {
                    if (stems[w] is not { Length: > 0 } stem) continue;
                    fields[f].Add(stem);
                    if (w >= parts.Length) continue;
                    foreach (var part in parts[w])
                    {
                        if (part < stems.Length && stems[part] is { Length: > 0 } partStem) fields[fieldCount - 1].Add(partStem);
                    }
                }
            }
            var result = new DocumentTerms { Lengths = fields.Select(f => f.Count).ToArray() };
            for (var f = 0; f < fieldCount; f++)
            {
                var position = f * LunrIndexBuilder.FieldPositions;
                foreach (var term in fields[f])
                {
                    if (!result.Terms.TryGetValue(term, out var known)) result.Terms[term] = known = new Term(new int[fieldCount], position);
                    known.Frequencies[f]++;
                    position++;
                }
            }
            return result;
        }
    }
}
