using System.Text;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace MakersSite.Search.Analysis;

/// <summary>
/// The Dutch text analysis of lunr 2.3.9 with lunr-languages 1.22.0 (<c>lunr.nl</c>), reproduced term for term:
/// NFC, JavaScript lowercasing, lunr's tokenizer (split on <c>\s</c> or '-'), the nl trimmer, the nl stop words,
/// and the Snowball Dutch stemmer (lunr-languages' nl stemmer is generated from the same Snowball source).
/// One instance per thread: the stemmer keeps state.
/// </summary>
public sealed class DutchAnalyzer
{
    private readonly DutchStemmer _stemmer = new();

    /// <summary>
    /// Terms for the index: tokenize, trim, drop stop words, stem; empty results are dropped after every step, as in
    /// lunr.Pipeline.run. The index builder takes the same steps word by word (<see cref="ForEachWord"/>, then
    /// <see cref="Stem"/> once per distinct word); this is the whole pipeline for one text, for the conformance test.
    /// </summary>
    public List<string> Analyze(string? text)
    {
        var words = new List<string>();
        ForEachWord(text, ref words, static (ReadOnlySpan<char> word, ref List<string> into) => into.Add(word.ToString()));
        var terms = new List<string>();
        foreach (var word in words)
        {
            if (DutchStopWords.Contains(word)) continue;
            var stem = Stem(word);
            if (stem.Length > 0) terms.Add(stem);
        }
        return terms;
    }

    /// <summary>Receives one word: a trimmed, non-empty token, before the stop word filter.</summary>
    public delegate void WordVisitor<TState>(ReadOnlySpan<char> word, ref TState state);

    /// <summary>
    /// The words of <paramref name="text"/> in order: lunr.tokenizer after NFC (lowercase the whole text, cut at every
    /// <c>\s</c> or '-' code unit), then the nl trimmer (strip leading and trailing code units that are not word
    /// characters: letters of lunr.nl.wordCharacters or 0-9), empty words dropped. Each is a span of one lowercased
    /// copy of the text, so a whole site is analysed without a string per token.
    /// </summary>
    public static void ForEachWord<TState>(string? text, ref TState state, WordVisitor<TState> visit)
    {
        if (string.IsNullOrEmpty(text)) return;
        var lower = JavaScriptText.ToLowerCase(text.Normalize(NormalizationForm.FormC)).AsSpan();
        var start = 0;
        for (var end = 0; end <= lower.Length; end++)
        {
            if (end < lower.Length && !IsSeparator(lower[end])) continue;
            var first = start;
            var last = end;
            while (first < last && !IsWordCharacter(lower[first])) first++;
            while (last > first && !IsWordCharacter(lower[last - 1])) last--;
            if (last > first) visit(lower[first..last], ref state);
            start = end + 1;
        }
    }

    public string Stem(string word)
    {
        _stemmer.SetCurrent(word);
        _stemmer.Stem();
        return _stemmer.Current;
    }

    private static bool IsSeparator(char c) => c == '-' || JavaScriptText.IsWhiteSpace(c);

    // lunr.nl.wordCharacters plus the digits lunr-languages' generateTrimmer adds.
    private static bool IsWordCharacter(char c) => c switch
    {
        >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' => true,
        '\u00AA' or '\u00BA' => true,
        >= '\u00C0' and <= '\u00D6' or >= '\u00D8' and <= '\u00F6' or >= '\u00F8' and <= '\u02B8' => true,
        >= '\u02E0' and <= '\u02E4' => true,
        >= '\u1D00' and <= '\u1D25' or >= '\u1D2C' and <= '\u1D5C' or >= '\u1D62' and <= '\u1D65' => true,
        >= '\u1D6B' and <= '\u1D77' or >= '\u1D79' and <= '\u1DBE' or >= '\u1E00' and <= '\u1EFF' => true,
        '\u2071' or '\u207F' => true,
        >= '\u2090' and <= '\u209C' => true,
        '\u212A' or '\u212B' or '\u2132' or '\u214E' => true,
        >= '\u2160' and <= '\u2188' or >= '\u2C60' and <= '\u2C7F' => true,
        >= '\uA722' and <= '\uA787' or >= '\uA78B' and <= '\uA7AD' or >= '\uA7B0' and <= '\uA7B7' or >= '\uA7F7' and <= '\uA7FF' => true,
        >= '\uAB30' and <= '\uAB5A' or >= '\uAB5C' and <= '\uAB64' => true,
        >= '\uFB00' and <= '\uFB06' or >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A' => true,
        _ => false,
    };
}
