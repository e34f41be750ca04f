using MakersSite.Search.Analysis;

namespace MakersSite.Search;

/// <summary>
/// What a patch of the previous build's search files starts from: which documents changed, the word counts after the
/// edit, and the stems and compound parts of every word the edit touches.
/// </summary>
internal sealed record PatchPlan(
    SearchEntry[] Documents, SearchIndexState State, List<int> Changed, Dictionary<int, SearchEntry> Before,
    int[] Occurrences, HashSet<int> TouchedWords, string?[] Stems, int[][] Parts, WordTable Table)
{
    public HashSet<int> Edited { get; } = [.. Changed];

    /// <summary>Whether the previous build's documents used the word.</summary>
    public bool Was(int w) => w < State.Occurrences.Length && State.Occurrences[w] > 0;
}

/// <summary>
/// Decides once whether this build's search data can be a patch of the previous build's files or must be written
/// anew: a patch when a few documents changed at their addresses and no word that comes or goes can be a
/// compound part elsewhere on the site (then other documents' parts change). The result of a patch is byte for
/// byte what the full write makes (tested).
/// </summary>
internal static class IndexPlanner
{
    /// <summary>A patch plan, or null for a full write.</summary>
    public static PatchPlan? Plan(SearchEntry[] documents, SearchAnalysisMemo? memo, IReadOnlyDictionary<string, SearchEntry>? previousEntries, WordTable words)
    {
        if (memo?.Index is not { } state || previousEntries is null) return null;
        if (ChangedDocuments(documents, state) is not { } changed) return null;
        var wordCount = Math.Max(words.Count, state.Occurrences.Length);
        var occurrences = new int[wordCount];
        state.Occurrences.CopyTo(occurrences, 0);
        var before = new Dictionary<int, SearchEntry>();
        foreach (var d in changed)
        {
            if (!previousEntries.TryGetValue(Convert.ToHexString(state.Hashes[d]), out var old)) return null;
            before[d] = old;
            foreach (var field in old.Words) foreach (var w in field) occurrences[w]--;
            foreach (var field in documents[d].Words) foreach (var w in field) occurrences[w]++;
        }
        var touched = changed.SelectMany(d => before[d].Words.Concat(documents[d].Words)).SelectMany(f => f).ToHashSet();
        bool Was(int w) => w < state.Occurrences.Length && state.Occurrences[w] > 0;
        var comeOrGo = touched.Where(w => Was(w) != occurrences[w] > 0).ToList();
        if (comeOrGo.Count > 64 || ChangesCompoundsElsewhere(comeOrGo, occurrences, words)) return null;

        var stems = memo.Stems;
        if (stems.Length < wordCount) Array.Resize(ref stems, wordCount);
        var arrived = comeOrGo.Where(w => occurrences[w] > 0).ToList();
        var parts = state.Parts;
        if (arrived.Count > 0)
        {
            var analyzer = new DutchAnalyzer();
            foreach (var w in arrived) stems[w] ??= analyzer.Stem(words[w]);
            memo.Stems = stems;
            if (PartsWithArrivals(arrived, state.Parts, stems, occurrences, words) is not { } withArrivals) return null;
            parts = withArrivals;
        }
        if (touched.Any(w => stems[w] is null)) return null;
        return new PatchPlan(documents, state, changed, before, occurrences, touched, stems, parts, words);
    }

    /// <summary>The documents whose texts changed, when they are few and every address stays; otherwise null.</summary>
    private static List<int>? ChangedDocuments(SearchEntry[] documents, SearchIndexState state)
    {
        if (documents.Length != state.Urls.Length || documents.Length == 0 || state.Shards.Count == 0) return null;
        var changed = new List<int>();
        for (var d = 0; d < documents.Length; d++)
        {
            if (documents[d].Url != state.Urls[d]) return null;
            if (!documents[d].Hash.AsSpan().SequenceEqual(state.Hashes[d])) changed.Add(d);
        }
        // Many edits at once touch most shards anyway: then building anew is no slower and simpler.
        return changed.Count == 0 || changed.Count > Math.Max(8, documents.Length / 100) ? null : changed;
    }

    /// <summary>Whether a word that comes or goes can be a part of a compound the site uses: that compound's parts change.</summary>
    private static bool ChangesCompoundsElsewhere(List<int> comeOrGo, int[] occurrences, WordTable words)
    {
        foreach (var w in comeOrGo)
        {
            var word = words[w];
            if (!CompoundSplitter.CanBePart(word)) continue;
            for (var x = 0; x < occurrences.Length; x++)
            {
                if (x != w && occurrences[x] > 0 && CompoundSplitter.MaySplit(words[x]) && words[x].Contains(word, StringComparison.Ordinal)) return true;
            }
        }
        return false;
    }

    /// <summary>The parts of the arriving words that may be compounds, against the dictionary of the words the site now has; null when a part is no word of the site.</summary>
    private static int[][]? PartsWithArrivals(List<int> arrived, int[][] previousParts, string?[] stems, int[] occurrences, WordTable words)
    {
        var wordCount = occurrences.Length;
        var parts = previousParts;
        var splittable = arrived.Where(w => stems[w]!.Length > 0 && CompoundSplitter.MaySplit(words[w])).ToList();
        if (parts.Length < wordCount || splittable.Count > 0)
        {
            parts = new int[wordCount][];
            Array.Fill(parts, []);
            previousParts.CopyTo(parts, 0);
        }
        // The filter looks up only the word's own substrings: a dictionary of the site's words among them splits it
        // the same, and without any (a number, say) there are no parts and no need to start Lucene's filter.
        var dictionary = splittable.Count == 0 ? [] : Enumerable.Range(0, wordCount)
            .Where(x => occurrences[x] > 0 && CompoundSplitter.CanBePart(words[x]) && splittable.Any(w => words[w].Contains(words[x], StringComparison.Ordinal)))
            .Select(x => words[x]).ToList();
        if (dictionary.Count == 0) return parts;
        var splitter = CompoundSplitter.FromWords(dictionary);
        foreach (var w in splittable)
            parts[w] = splitter.Split(words[w]).Select(p => words.TryGetNumber(p, out var n) ? n : -1).ToArray();
        return splittable.Any(w => parts[w].Contains(-1)) ? null : parts;
    }
}
