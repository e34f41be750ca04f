using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace MakersSite.Search.Analysis;

/// <summary>
/// Finds the parts of Dutch closed compounds (machinebouw → machine, bouw) with Lucene's
/// DictionaryCompoundWordTokenFilter, using the site's own words as the dictionary: a part is found only when
/// the site also uses it as a word of its own. The parts go into a low-boost field, so a page about
/// "machinebouw" is found by "bouw" but ranks below pages about "bouw" itself.
/// </summary>
public sealed class CompoundSplitter
{
    public const int MinWordSize = 7;
    public const int MinPartSize = 4;
    public const int MaxPartSize = 15;

    private readonly CharArraySet _dictionary;
    // Words repeat (Zipf): split each distinct word once. Safe across threads.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _cache = new(StringComparer.Ordinal);

    private CompoundSplitter(CharArraySet dictionary)
    {
        _dictionary = dictionary;
        _chains = new(NewChain);
    }

    /// <summary>A splitter whose dictionary is every word in <paramref name="texts"/> that can stand as a part.</summary>
    public static CompoundSplitter FromTexts(IEnumerable<string> texts)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var token in DutchAnalyzer.Tokenize(text))
            {
                var word = DutchAnalyzer.Trim(token);
                if (word.Length >= MinPartSize && word.All(char.IsLetter) && !DutchStopWords.Contains(word)) words.Add(word);
            }
        }
        return new CompoundSplitter(new CharArraySet(LuceneVersion.LUCENE_48, words, ignoreCase: false));
    }

    /// <summary>The parts of every compound among <paramref name="words"/> (lowercased, trimmed), space-separated.</summary>
    public string PartsOf(IEnumerable<string> words)
    {
        var parts = new List<string>();
        foreach (var word in words)
        {
            if (word.Length >= MinWordSize) parts.AddRange(_cache.GetOrAdd(word, Split));
        }
        return string.Join(' ', parts);
    }

    // Lucene token streams are reusable but not thread-safe: one chain per thread, given each word in turn,
    // because building the chain costs far more than splitting one word.
    private readonly ThreadLocal<(KeywordTokenizer Tokenizer, DictionaryCompoundWordTokenFilter Filter, ICharTermAttribute Term)> _chains;

    private (KeywordTokenizer, DictionaryCompoundWordTokenFilter, ICharTermAttribute) NewChain()
    {
        var tokenizer = new KeywordTokenizer(new StringReader(""));
        var filter = new DictionaryCompoundWordTokenFilter(LuceneVersion.LUCENE_48, tokenizer, _dictionary,
            MinWordSize, MinPartSize, MaxPartSize, onlyLongestMatch: false);
        // The first SetReader expects a closed stream, as after every word.
        filter.Dispose();
        return (tokenizer, filter, filter.AddAttribute<ICharTermAttribute>());
    }

    private string[] Split(string word)
    {
        var (tokenizer, filter, term) = _chains.Value;
        var parts = new List<string>();
        tokenizer.SetReader(new StringReader(word));
        filter.Reset();
        while (filter.IncrementToken())
        {
            var value = term.ToString();
            if (value != word) parts.Add(value); // the filter passes the word itself on first, then its parts
        }
        filter.End();
        filter.Dispose();
        return parts.ToArray();
    }
}
