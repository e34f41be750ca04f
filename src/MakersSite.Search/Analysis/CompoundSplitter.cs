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

    private CompoundSplitter(CharArraySet dictionary) => _dictionary = dictionary;

    /// <summary>A splitter whose dictionary is every word in <paramref name="texts"/> that can stand as a part.</summary>
    public static CompoundSplitter FromTexts(IEnumerable<string> texts)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
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

    /// <summary>The parts of every compound in <paramref name="text"/>, space-separated, in text order.</summary>
    public string Parts(string? text)
    {
        var words = DutchAnalyzer.Tokenize(text).Select(DutchAnalyzer.Trim).Where(w => w.Length >= MinWordSize).ToList();
        if (words.Count == 0) return "";
        var parts = new List<string>();
        using var tokenizer = new WhitespaceTokenizer(LuceneVersion.LUCENE_48, new StringReader(string.Join(' ', words)));
        using var filter = new DictionaryCompoundWordTokenFilter(LuceneVersion.LUCENE_48, tokenizer, _dictionary,
            MinWordSize, MinPartSize, MaxPartSize, onlyLongestMatch: false);
        var term = filter.AddAttribute<ICharTermAttribute>();
        var increment = filter.AddAttribute<IPositionIncrementAttribute>();
        filter.Reset();
        string? word = null;
        while (filter.IncrementToken())
        {
            var value = term.ToString();
            if (increment.PositionIncrement > 0) word = value; // the word itself; its parts follow at the same position
            else if (value != word) parts.Add(value);
        }
        filter.End();
        return string.Join(' ', parts);
    }
}
