using MakersSite.Search.Analysis;
using MakersSite.Search.Indexing;

namespace MakersSite.Search;

/// <summary>
/// Makes the whole search data anew from the analysed documents: each distinct word is stemmed and split once, the
/// lunr index is built from word numbers, and its files are cut (<see cref="SearchIndexWriter.WriteFiles"/>).
/// </summary>
internal sealed class FullIndexWrite(WordTable words, SearchAnalysisMemo? memo, ParallelOptions parallel, int? cores)
{
    private const int AnalysedFields = SearchIndexBuilder.AnalysedFields;

    /// <param name="key">The search key of these documents, kept in the memo with the files' state.</param>
    public SearchBundle Write(SearchEntry[] documents, string key, Action<SearchFile>? emit, bool emitConcurrently)
    {
        var wordCount = words.Count;
        var occurrences = Occurrences(documents, wordCount);
        // Only the words these documents use count: a table kept from earlier builds (serve) also holds words
        // since edited away, and they must not become terms or compound parts.
        var usedWords = Enumerable.Range(0, wordCount).Where(w => occurrences[w] > 0).ToArray();
        var stems = Stems(usedWords, wordCount);
        var (termOfWord, termTexts) = Terms(usedWords, stems, wordCount);
        var parts = Parts(usedWords, termOfWord, wordCount);
        var (uses, fieldTexts) = Uses(documents, termOfWord, parts, wordCount);
        var termWords = TermWords(uses, termOfWord, termTexts.Length);
        var index = new LunrIndexBuilder(SearchIndexWriter.Fields).Build(Enumerable.Range(0, documents.Length).ToArray(),
            (id, fieldTerms) => TermsOf(documents[id].Words, termOfWord, parts, fieldTerms), termTexts, termWords, cores);

        var collected = new List<SearchFile>();
        var (shards, termLists) = SearchIndexWriter.WriteFiles(index, documents.Select(d => d.Shown).ToList(), emit ?? collected.Add, parallel, emitConcurrently && emit is not null);
        if (memo is not null)
        {
            memo.Index = new SearchIndexState
            {
                Key = key, Urls = documents.Select(d => d.Url).ToArray(), Hashes = documents.Select(d => d.Hash).ToArray(),
                Occurrences = occurrences, Parts = parts, TotalLengths = [.. index.TotalLengths], Shards = shards, TermLists = termLists,
            };
        }
        return new SearchBundle(collected, index, documents.Select(d => d.Kept).OfType<SearchDocument>().ToList(), fieldTexts);
    }

    private static int[] Occurrences(SearchEntry[] documents, int wordCount)
    {
        var occurrences = new int[wordCount];
        foreach (var document in documents)
            foreach (var field in document.Words)
                foreach (var w in field) occurrences[w]++;
        return occurrences;
    }

    /// <summary>Each used word's stem. Stemmers keep state: one analyzer per thread. Stems never change, so serve keeps them between builds.</summary>
    private string?[] Stems(int[] usedWords, int wordCount)
    {
        var stems = memo?.Stems ?? [];
        if (stems.Length < wordCount) Array.Resize(ref stems, wordCount);
        Parallel.ForEach(usedWords.Where(w => stems[w] is null).ToArray(), parallel, () => new DutchAnalyzer(), (w, _, analyzer) =>
        {
            stems[w] = analyzer.Stem(words[w]);
            return analyzer;
        }, _ => { });
        if (memo is not null) memo.Stems = stems;
        return stems;
    }

    /// <summary>The term of each word (-1: none) and each term's text, numbered in the order of the words.</summary>
    private static (int[] TermOfWord, string[] TermTexts) Terms(int[] usedWords, string?[] stems, int wordCount)
    {
        var termKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        var termOfWord = new int[wordCount];
        Array.Fill(termOfWord, -1);
        foreach (var w in usedWords)
        {
            // Words the stemmer empties are no terms (lunr.Pipeline drops empty tokens); stop words never get here.
            var stem = stems[w]!;
            if (stem.Length == 0) continue;
            if (!termKeys.TryGetValue(stem, out var key)) termKeys[stem] = key = termKeys.Count;
            termOfWord[w] = key;
        }
        var termTexts = new string[termKeys.Count];
        foreach (var (text, key) in termKeys) termTexts[key] = text;
        return (termOfWord, termTexts);
    }

    /// <summary>Each compound's parts. They depend on the dictionary, which is every word the site uses: worked out anew each build.</summary>
    private int[][] Parts(int[] usedWords, int[] termOfWord, int wordCount)
    {
        var splitter = CompoundSplitter.FromWords(usedWords.Select(w => words[w]));
        var parts = new int[wordCount][];
        Array.Fill(parts, []);
        Parallel.ForEach(usedWords, parallel, w =>
        {
            if (termOfWord[w] >= 0 && CompoundSplitter.MaySplit(words[w])) parts[w] = splitter.Split(words[w]).Select(NumberOf).ToArray();
        });
        return parts;

        int NumberOf(string part) => words.TryGetNumber(part, out var number) ? number
            : throw new InvalidOperationException($"Compound part '{part}' is not a word of the site.");
    }

    /// <summary>How often each word is used (for suggestions) and, for kept documents, the texts lunr.js would be given.</summary>
    private (int[] Uses, List<string?[]> FieldTexts) Uses(SearchEntry[] documents, int[] termOfWord, int[][] parts, int wordCount)
    {
        var uses = new int[wordCount];
        var fieldTexts = new List<string?[]>();
        foreach (var document in documents)
        {
            var partWords = new List<string>();
            for (var f = 0; f < AnalysedFields; f++)
            {
                foreach (var w in document.Words[f])
                {
                    if (termOfWord[w] < 0) continue;
                    uses[w]++;
                    if (document.Kept is not null) partWords.AddRange(parts[w].Select(p => words[p]));
                }
            }
            if (document.Kept is { } kept) fieldTexts.Add([kept.Title, kept.Summary, kept.Body, string.Join(' ', partWords)]);
        }
        return (uses, fieldTexts);
    }

    /// <summary>The word each term shows (<see cref="ShownWords"/>); a term met only as a compound part shows itself (null).</summary>
    private string?[] TermWords(int[] uses, int[] termOfWord, int termCount)
    {
        var termWords = new string?[termCount];
        var bestUses = new int[termCount];
        for (var w = 0; w < uses.Length; w++)
        {
            if (uses[w] == 0) continue;
            var key = termOfWord[w];
            if (ShownWords.Prefer(uses[w], words[w], bestUses[key], termWords[key]))
            {
                bestUses[key] = uses[w];
                termWords[key] = words[w];
            }
        }
        return termWords;
    }

    /// <summary>A document's terms in the order lunr meets them: title, summary, body, then the parts of their compounds.</summary>
    private static void TermsOf(int[][] documentWords, int[] termOfWord, int[][] parts, List<int>[] fieldTerms)
    {
        var partTerms = fieldTerms[AnalysedFields];
        foreach (var list in fieldTerms) list.Clear();
        for (var f = 0; f < AnalysedFields; f++)
        {
            var into = fieldTerms[f];
            foreach (var w in documentWords[f])
            {
                var term = termOfWord[w];
                if (term < 0) continue;
                into.Add(term);
                foreach (var part in parts[w])
                {
                    if (termOfWord[part] >= 0) partTerms.Add(termOfWord[part]);
                }
            }
        }
    }
}
