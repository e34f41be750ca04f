using System.Text;
using System.Text.Json;
using MakersSite.Search.Analysis;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Search;

/// <summary>Conformance 1: the C# analysis gives the same terms as lunr's nl pipeline in node, for every text.</summary>
public sealed class AnalysisConformanceTests
{
    private static readonly string[] HardCases =
    [
        "machinebouw\u00A0metaal", "\uFEFFbegin", "vóór—na", "kunststof–recycling", "emoji 🍞 brood🥖", "a😀b", "İstanbul İSTANBUL",
        "Ideeën", "ide\u0065\u0308en", "cafe\u0301 café", "2024 3D-printen 10.000 5,5", "mogelijkheden", "heden", "ΟΔΟΣ ΣΟΦΟΣ.",
        "co-creatie", "--- - –", "\t\r\n\v\f", "\u2028regel\u2029", "\u3000vol\u205Fbreed\u202F", "\u180Emongools",
        "DE DIE HET een Een", "geëmailleerd", "reëel", "België", "coöperatie", "naïef", "überhaupt", "fiets's", "'s-Hertogenbosch",
        "(haakjes)", "\"aanhalingen\"", "x²", "ﬁets", "Ǆ ǅ ǆ", "ẞ ß", "K Å", "ÆØÅ æøå", "opgelost.", "klanten,", "vmbo/mbo/hbo",
        "https://www.voorbeeld.nl/pad?q=1", "info@voorbeeld.nl", "", "   ",
    ];

    [Fact]
    public void Csharp_and_lunr_nl_give_the_same_terms_for_the_site_words_and_the_hard_cases()
    {
        var texts = SiteTexts().Concat(HardCases).ToList();
        var analyzer = new DutchAnalyzer();
        var ours = texts.Select(analyzer.Analyze).ToList();

        var theirs = JsonSerializer.Deserialize<List<List<string>>>(Node.Run("analyze.js", JsonSerializer.Serialize(texts)))!;

        var differences = texts.Select((t, i) => (Text: t, Ours: string.Join(" ", ours[i]), Theirs: string.Join(" ", theirs[i])))
            .Where(d => d.Ours != d.Theirs)
            .Select(d => $"{Escape(d.Text)}: C# [{d.Ours}] lunr [{d.Theirs}]")
            .ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(30)));
        Assert.True(ours.SelectMany(t => t).Distinct().Count() > 1000, "the word list should cover the whole default site");
    }

    [Fact]
    public void Lowercasing_matches_javascript_for_every_code_point_both_engines_assign()
    {
        var codePoints = Enumerable.Range(0, 0x110000).Where(cp => cp is < 0xD800 or > 0xDFFF)
            .Where(cp => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(cp) != System.Globalization.UnicodeCategory.OtherNotAssigned)
            .ToList();
        var input = JsonSerializer.Serialize(codePoints);

        var theirs = JsonSerializer.Deserialize<List<string>>(Node.Run("lowercase.js", input))!;

        Assert.Equal(codePoints.Count, theirs.Count);
        var differences = codePoints.Select((cp, i) => (cp, Ours: JavaScriptText.ToLowerCase(char.ConvertFromUtf32(cp)), Theirs: theirs[i]))
            .Where(d => d.Theirs is not null && d.Ours != d.Theirs) // null: node's Unicode does not assign this code point
            .Select(d => $"U+{d.cp:X4}: C# {Escape(d.Ours)} JS {Escape(d.Theirs)}")
            .ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(30)));
    }

    [Fact]
    public void Lowercasing_a_text_lowercases_each_character_as_alone()
    {
        // Runs of ASCII and other characters mixed, as in Dutch text (the per-character results are checked against
        // JavaScript above); characters with a rule of their own (final sigma, İ, the Unicode 16 pairs) or two code units are left out, so the text takes the fast path.
        var characters = Enumerable.Range(0x80, 0xD800 - 0x80).Select(c => (char)c).Where(c => c is not ('\u0130' or '\u03A3' or '\u1C89' or '\uA7CB' or '\uA7CC' or '\uA7DA' or '\uA7DC')).ToList();
        var text = string.Concat(characters.Select((c, i) => $"{c}Ab{(i % 7 == 0 ? "CDEFGHIJKLMNOPQRSTUVWXYZ" : "")}"));
        var expected = string.Concat(characters.Select((c, i) => $"{JavaScriptText.ToLowerCase(c.ToString())}ab{(i % 7 == 0 ? "cdefghijklmnopqrstuvwxyz" : "")}"));
        Assert.Equal(expected, JavaScriptText.ToLowerCase(text));
    }

    [Fact]
    public void The_stop_words_are_lunr_nl_s_101()
    {
        var theirs = JsonSerializer.Deserialize<List<string>>(Node.Run("stopwords.js", ""))!;
        Assert.Equal(101, DutchStopWords.All.Count);
        Assert.Equal(theirs.Order(StringComparer.Ordinal), DutchStopWords.All.Order(StringComparer.Ordinal));
    }

    /// <summary>Every title, summary and body line of the default content, so the site's own words are covered.</summary>
    private static IEnumerable<string> SiteTexts() =>
        Directory.GetFiles(Path.Combine(Repository.Root, "content"), "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines)
            .Where(l => l.Trim().Length > 0);

    private static string Escape(string s)
    {
        var sb = new StringBuilder();
        foreach (var r in s.EnumerateRunes()) sb.Append(r.Value is < 0x20 or > 0x7E ? $"\\u{{{r.Value:X}}}" : r.ToString());
        return sb.ToString();
    }
}
