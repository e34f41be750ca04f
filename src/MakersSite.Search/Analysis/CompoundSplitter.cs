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

    private CompoundSplitter(CharArraySet dictionary)
    {
        _dictionary = dictionary;
        _chains = new(NewChain);
    }

    /// <summary>A splitter whose dictionary is every word of <paramref name="words"/> (the site's trimmed words) that can stand as a part.</summary>
    public static CompoundSplitter FromWords(IEnumerable<string> words) =>
        new(new CharArraySet(LuceneVersion.LUCENE_48, words.Where(CanBePart).ToList(), ignoreCase: false));

    /// <summary>Whether a word of the site goes into the dictionary, and so can be found as a part of longer words.</summary>
    public static bool CanBePart(string word) => word.Length >= MinPartSize && word.All(char.IsLetter) && !DutchStopWords.Contains(word);

    /// <summary>Whether a word is long enough to be looked at as a compound.</summary>
    public static bool MaySplit(string word) => word.Length >= MinWordSize;

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

    /// <summary>The parts of one word (lowercased, trimmed), in the order the filter finds them; none when it is no compound.</summary>
    public string[] Split(string word)
    {
        if (!MaySplit(word)) return [];
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
