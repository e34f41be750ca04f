using System.Text;
using System.Text.Json;
using MakersSite.Search.Analysis;
using MakersSite.Search.Indexing;

namespace MakersSite.Search;

/// <summary>The previous build's search files: path → content hash, and a way to read one back (null when it cannot be).</summary>
public sealed record PreviousSearchFiles(IReadOnlyDictionary<string, string> HashByPath, Func<string, string?> Read);

public sealed partial class SearchIndexBuilder
{
    /// <summary>Whether the last <see cref="Write"/> patched the previous build's files rather than making all of them.</summary>
    public bool Patched { get; private set; }

    /// <summary>The search key of the data the memo's index state describes: the previous build's files, which <see cref="Write"/> can patch.</summary>
    public string? PreviousDataKey => memo?.Index?.Key is { Length: > 0 } key ? key : null;

    /// <summary>
    /// After an edit of a few documents, only the entries of the terms those documents have or had change: the shards
    /// and term lists holding them are read back, patched and cut again (their cuts depend on nearby entries only),
    /// everything else is kept. Words may come and go, as long as none of them is a possible part of a compound
    /// elsewhere on the site (then other documents' compound parts change, and everything is made anew). The result is
    /// byte for byte what <see cref="Write"/> makes from scratch (tested).
    /// </summary>
    /// <returns>Null when the edit is not of that kind or the previous files do not fit: the caller builds anew.</returns>
    private SearchBundle? TryPatch(SearchEntry[] documents, PreviousSearchFiles previous, Action<SearchFile> emit, ParallelOptions parallel, bool emitConcurrently)
    {
        if (memo?.Index is not { } state || _previousEntries is null || keepTexts) return null;
        if (documents.Length != state.Urls.Length || documents.Length == 0 || state.Shards.Count == 0) return null;
        var changed = new List<int>();
        for (var d = 0; d < documents.Length; d++)
        {
            if (documents[d].Url != state.Urls[d]) return null;
            if (!documents[d].Hash.AsSpan().SequenceEqual(state.Hashes[d])) changed.Add(d);
        }
        // Many edits at once touch most shards anyway: then building anew is no slower and simpler.
        if (changed.Count == 0 || changed.Count > Math.Max(8, documents.Length / 100)) return null;
        var edited = changed.ToHashSet();

        var wordCount = Math.Max(_words.Count, state.Occurrences.Length);
        var occurrences = new int[wordCount];
        state.Occurrences.CopyTo(occurrences, 0);
        bool Was(int w) => w < state.Occurrences.Length && state.Occurrences[w] > 0;
        var before = new Dictionary<int, SearchEntry>();
        foreach (var d in changed)
        {
            if (!_previousEntries.TryGetValue(Convert.ToHexString(state.Hashes[d]), out var old)) return null;
            before[d] = old;
            foreach (var field in old.Words) foreach (var w in field) occurrences[w]--;
            foreach (var field in documents[d].Words) foreach (var w in field) occurrences[w]++;
        }
        var touchedWords = changed.SelectMany(d => before[d].Words.Concat(documents[d].Words)).SelectMany(f => f).ToHashSet();
        var comeOrGo = touchedWords.Where(w => Was(w) != occurrences[w] > 0).ToList();
        if (comeOrGo.Count > 64) return null;

        // A word that comes or goes and can be a compound part changes the parts of every word of the site containing it.
        foreach (var w in comeOrGo)
        {
            var word = _words[w];
            if (!CompoundSplitter.CanBePart(word)) continue;
            for (var x = 0; x < wordCount; x++)
            {
                if (x != w && occurrences[x] > 0 && CompoundSplitter.MaySplit(_words[x]) && _words[x].Contains(word, StringComparison.Ordinal)) return null;
            }
        }
        // New words: their stems, and their parts when they may be compounds (against the dictionary of the words the site now has).
        var stems = memo.Stems;
        if (stems.Length < wordCount) Array.Resize(ref stems, wordCount);
        var parts = state.Parts;
        var arrived = comeOrGo.Where(w => occurrences[w] > 0).ToList();
        if (arrived.Count > 0)
        {
            var analyzer = new DutchAnalyzer();
            foreach (var w in arrived) stems[w] ??= analyzer.Stem(_words[w]);
            memo.Stems = stems;
            var splittable = arrived.Where(w => stems[w]!.Length > 0 && CompoundSplitter.MaySplit(_words[w])).ToList();
            if (parts.Length < wordCount || splittable.Count > 0)
            {
                parts = new int[wordCount][];
                Array.Fill(parts, []);
                state.Parts.CopyTo(parts, 0);
            }
            // The filter looks up only the word's own substrings: a dictionary of the site's words among them splits it
            // the same, and without any (a number, say) there are no parts and no need to start Lucene's filter.
            var dictionary = splittable.Count == 0 ? [] : Enumerable.Range(0, wordCount)
                .Where(x => occurrences[x] > 0 && CompoundSplitter.CanBePart(_words[x]) && splittable.Any(w => _words[w].Contains(_words[x], StringComparison.Ordinal)))
                .Select(x => _words[x]).ToList();
            if (dictionary.Count > 0)
            {
                var splitter = CompoundSplitter.FromWords(dictionary);
                foreach (var w in splittable)
                    parts[w] = splitter.Split(_words[w]).Select(p => _words.TryGetNumber(p, out var n) ? n : -1).ToArray();
                if (splittable.Any(w => parts[w].Contains(-1))) return null;
            }
        }
        if (touchedWords.Any(w => stems[w] is null)) return null;

        // Per edited document, before and after: per term its frequency per field and first position, and the field lengths.
        var fieldCount = SearchIndexWriter.Fields.Count;
        var lengthInPostings = SearchIndexWriter.Fields.Select(f => !f.LengthsInManifest).ToArray();
        var oldTerms = changed.ToDictionary(d => d, d => DocumentTerms.Of(before[d].Words, stems, state.Parts, fieldCount));
        var newTerms = changed.ToDictionary(d => d, d => DocumentTerms.Of(documents[d].Words, stems, parts, fieldCount));
        var dirty = new SortedSet<string>(StringComparer.Ordinal);
        var usesChanged = new HashSet<string>(StringComparer.Ordinal);
        var totals = (long[])state.TotalLengths.Clone();
        foreach (var d in changed)
        {
            var (o, n) = (oldTerms[d], newTerms[d]);
            for (var f = 0; f < fieldCount; f++) totals[f] += n.Lengths[f] - o.Lengths[f];
            foreach (var term in o.Terms.Keys.Union(n.Terms.Keys))
            {
                var had = o.Terms.GetValueOrDefault(term);
                var has = n.Terms.GetValueOrDefault(term);
                var same = had is not null && has is not null && had.FirstPosition == has.FirstPosition;
                // A field length in the postings changes them for every term of the page; one in the manifest does not.
                for (var f = 0; f < fieldCount && same; f++)
                    same = had!.Frequencies[f] == has!.Frequencies[f] && (has.Frequencies[f] == 0 || o.Lengths[f] == n.Lengths[f] || !lengthInPostings[f]);
                if (!same) dirty.Add(term);
            }
        }
        // A term's shown word follows its words' uses, which can change while the term's frequency does not
        // (one form of it replaced by another).
        foreach (var w in touchedWords)
        {
            if ((Was(w) ? state.Occurrences[w] : 0) != occurrences[w] && stems[w] is { Length: > 0 } stem) usesChanged.Add(stem);
        }

        // The word shown for each of those terms, chosen as Write chooses it.
        var shownWord = new Dictionary<string, string>(StringComparer.Ordinal);
        if (usesChanged.Count > 0)
        {
            var best = new Dictionary<string, (int Uses, string Word)>(StringComparer.Ordinal);
            for (var w = 0; w < wordCount; w++)
            {
                if (occurrences[w] == 0 || stems[w] is not { Length: > 0 } stem || !usesChanged.Contains(stem)) continue;
                var word = _words[w];
                if (!best.TryGetValue(stem, out var current) || occurrences[w] > current.Uses
                    || (occurrences[w] == current.Uses && string.CompareOrdinal(word, current.Word) < 0))
                    best[stem] = (occurrences[w], word);
            }
            foreach (var (stem, (_, word)) in best) shownWord[stem] = word;
        }

        var newFiles = new List<SearchFile>();
        var kept = new List<string>();
        var gone = new HashSet<string>(StringComparer.Ordinal);
        // How many more (or fewer) documents have each term: the term lists' counts change by that.
        var documentFrequencyChange = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in changed)
        {
            foreach (var term in oldTerms[d].Terms.Keys) documentFrequencyChange[term] = documentFrequencyChange.GetValueOrDefault(term) - 1;
            foreach (var term in newTerms[d].Terms.Keys) documentFrequencyChange[term] = documentFrequencyChange.GetValueOrDefault(term) + 1;
        }
        var positionCache = new Dictionary<int, DocumentTerms>();
        DocumentTerms TermsOfDocument(int d) => newTerms.TryGetValue(d, out var known) ? known
            : positionCache.TryGetValue(d, out known) ? known
            : positionCache[d] = DocumentTerms.Of(documents[d].Words, stems, parts, fieldCount);

        var none = new int[fieldCount];
        bool PatchShardEntry(string term, string? raw, out string? patched)
        {
            patched = null;
            var text = raw ?? EntryText.Empty(term, fieldCount);
            var oldFirst = raw is null ? -1 : EntryText.First(raw).Document;
            foreach (var d in changed)
            {
                var has = newTerms[d].Terms.GetValueOrDefault(term);
                if (EntryText.WithDocument(text, lengthInPostings, d, has?.Frequencies ?? none, newTerms[d].Lengths) is not { } next) return false;
                text = next;
            }
            var first = EntryText.FirstDocument(text);
            if (first < 0)
            {
                gone.Add(term); // no document has the term any more
                return true;
            }
            if (first != oldFirst || edited.Contains(first))
            {
                if (TermsOfDocument(first).Terms.GetValueOrDefault(term) is not { } at) return false;
                text = EntryText.WithFirst(text, first, at.FirstPosition);
            }
            patched = text;
            return true;
        }

        var shards = Rechunk(state.Shards, [.. dirty], previous, PatchShardEntry, SearchIndexWriter.Shards(), "s", newFiles, kept);
        if (shards is null) return null;
        bool PatchTermListEntry(string term, string? raw, out string? patched)
        {
            patched = null;
            if (gone.Contains(term)) return true;
            var old = raw is null ? null : TermListEntryWord(raw);
            if (raw is not null && old is null) return false;
            var frequency = (old?.Frequency ?? 0) + documentFrequencyChange.GetValueOrDefault(term);
            if (frequency <= 0) return false; // not data this build made
            patched = SearchIndexWriter.TermListEntry(term, frequency, shownWord.GetValueOrDefault(term) ?? old?.Word ?? term);
            return true;
        }
        var termLists = Rechunk(state.TermLists, [.. dirty.Union(usesChanged).Order(StringComparer.Ordinal)], previous, PatchTermListEntry,
            SearchIndexWriter.TermLists(), "t", newFiles, kept);
        if (termLists is null) return null;

        for (var d = 0; d < documents.Length; d++)
        {
            var path = $"d/{d}.js";
            if (edited.Contains(d)) newFiles.Add(SearchIndexWriter.DocumentFile(d, documents[d].Shown));
            else if (previous.HashByPath.ContainsKey(path)) kept.Add(path);
            else return null;
        }
        // The facets file follows every document's facets: when the edited ones kept theirs, it is the same file.
        var sameFacets = changed.All(d => before[d].Shown.Type == documents[d].Shown.Type && before[d].Shown.Facets.SequenceEqual(documents[d].Shown.Facets));
        var facets = sameFacets ? previous.HashByPath.Keys.SingleOrDefault(p => p.StartsWith("facets-", StringComparison.Ordinal)) : null;
        if (facets is not null) kept.Add(facets);
        else facets = SearchIndexWriter.WriteFacets(documents.Select(d => d.Shown).ToList(), newFiles.Add);
        // The lengths the manifest lists: the previous build's, with the edited documents' own.
        if (ManifestLengths(previous, fieldCount, documents.Length) is not { } manifestLengths) return null;
        foreach (var d in changed)
        {
            for (var f = 0; f < fieldCount; f++)
                if (manifestLengths[f] is { } listed) listed[d] = newTerms[d].Lengths[f];
        }
        newFiles.Add(SearchIndexWriter.Manifest(documents.Length, totals, manifestLengths, shards, termLists, facets));

        if (emitConcurrently) Parallel.ForEach(newFiles, parallel, emit);
        else newFiles.ForEach(emit);
        memo.Index = new SearchIndexState
        {
            Key = _key ?? "", Urls = state.Urls, Hashes = documents.Select(d => d.Hash).ToArray(), Occurrences = occurrences, Parts = parts,
            TotalLengths = totals, Shards = shards, TermLists = termLists,
        };
        Patched = true;
        return new SearchBundle(newFiles, null, [], []) { Kept = kept };
    }

    /// <summary>Makes a term's entry anew from its old JSON (null: the term is new); false when it cannot, a null entry when the term is gone.</summary>
    private delegate bool EntryPatch(string term, string? raw, out string? entry);

    /// <summary>
    /// Cuts the entries of <paramref name="ranges"/> again where <paramref name="dirty"/> terms (sorted) are, patched,
    /// added or taken out: a file without one is kept unless a patched stretch runs on into it, until a cut the old
    /// files share.
    /// </summary>
    /// <returns>The new ranges, or null when a file cannot be read or an entry cannot be patched.</returns>
    private static List<(string First, string Path)>? Rechunk(List<(string First, string Path)> ranges, string[] dirty, PreviousSearchFiles previous,
        EntryPatch patch, ContentDefinedChunks chunks, string folder, List<SearchFile> newFiles, List<string> kept)
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
                kept.Add(path);
                continue;
            }
            if (!previous.HashByPath.ContainsKey(path) || previous.Read(path) is not { } text
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
            newFiles.Add(file);
            result.Add((chunk.First, file.Path));
        }
    }

    /// <summary>The per-document field lengths the previous manifest lists (null for fields it does not), or null when it cannot be read.</summary>
    private static int[]?[]? ManifestLengths(PreviousSearchFiles previous, int fieldCount, int documentCount)
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

        /// <summary>The same terms, in the same order, as <see cref="Write"/> gives lunr: title, summary, body, then the compounds' parts.</summary>
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
