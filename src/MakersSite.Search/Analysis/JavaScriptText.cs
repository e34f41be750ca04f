using System.Globalization;
using System.Text;

namespace MakersSite.Search.Analysis;

/// <summary>
/// String operations exactly as JavaScript performs them, because lunr.js analyses queries in the browser and
/// the index built here must contain the very terms lunr would produce.
/// </summary>
public static class JavaScriptText
{
    /// <summary>
    /// String.prototype.toLowerCase: Unicode default full lowercasing. Differs from .NET's ToLowerInvariant in
    /// İ (U+0130 → "i̇", two characters) and the final sigma rule (Σ at the end of a word → ς).
    /// </summary>
    public static string ToLowerCase(string text)
    {
        // Fast path: without surrogates and the characters below that need their own rule, JavaScript lowercases
        // every character as .NET's invariant culture does (the loop below does the same, one character at a time).
        if (text.AsSpan().IndexOfAny(NeedsOwnRule) < 0)
        {
            if (System.Text.Ascii.IsValid(text)) return text.ToLowerInvariant();
            // ToLowerInvariant hands everything after the first non-ASCII character to ICU, one call per character
            // inside it; a page of Dutch has an é or a ’ early on. The same mapping, ICU only for what is not ASCII.
            return string.Create(text.Length, text, static (lower, source) =>
            {
                var at = 0;
                while (at < source.Length)
                {
                    // A run of ASCII, vectorised; then the non-ASCII character after it.
                    var run = source.AsSpan(at).IndexOfAnyExceptInRange('\0', '\u007F');
                    if (run < 0) run = source.Length - at;
                    System.Text.Ascii.ToLower(source.AsSpan(at, run), lower.Slice(at, run), out _);
                    at += run;
                    if (at < source.Length)
                    {
                        lower[at] = char.ToLowerInvariant(source[at]);
                        at++;
                    }
                }
            });
        }
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var pair = text.Substring(i, 2);
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                var lower = codePoint is >= 0x10D50 and <= 0x10D65
                    ? char.ConvertFromUtf32(codePoint + 0x20)
                    : CultureInfo.InvariantCulture.TextInfo.ToLower(pair);
                replacement = lower == pair ? null : lower;
                if (replacement is not null || sb is not null) (sb ??= Start(text, i)).Append(replacement ?? pair);
                i++;
                continue;
            }
            replacement = c switch
            {
                '\u0130' => "i\u0307",
                '\u03A3' => IsFinalSigma(text, i) ? "\u03C2" : "\u03C3",
                // Unicode 16 lowercase pairs: JavaScript engines have them, the system ICU (72, Unicode 15) .NET uses does not.
                '\u1C89' => "\u1C8A",
                '\uA7CB' => "\u0264",
                '\uA7CC' => "\uA7CD",
                '\uA7DA' => "\uA7DB",
                '\uA7DC' => "\u019B",
                _ => null,
            };
            var simple = replacement is null ? char.ToLowerInvariant(c) : c;
            if (replacement is null && simple == c)
            {
                sb?.Append(c);
                continue;
            }
            sb ??= Start(text, i);
            if (replacement is not null) sb.Append(replacement);
            else sb.Append(simple);
        }
        return sb?.ToString() ?? text;
    }

    // İ, Σ (final sigma), the Unicode 16 pairs of the switch below, and every surrogate (astral characters).
    private static readonly System.Buffers.SearchValues<char> NeedsOwnRule = System.Buffers.SearchValues.Create(
        "\u0130\u03A3\u1C89\uA7CB\uA7CC\uA7DA\uA7DC" + string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)));

    /// <summary>JavaScript's <c>\s</c>: WhiteSpace (including U+FEFF and every Zs) and LineTerminator code units.</summary>
    public static bool IsWhiteSpace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F'
            or '\u3000' or '\uFEFF' => true,
        >= '\u2000' and <= '\u200A' => true,
        _ => false,
    };

    private static StringBuilder Start(string text, int upTo) => new StringBuilder(text.Length + 4).Append(text, 0, upTo);

    // Unicode 3.13 Final_Sigma: a cased letter (then any case-ignorables) before, and no cased letter after.
    private static bool IsFinalSigma(string text, int index)
    {
        var before = index - 1;
        while (before >= 0 && IsCaseIgnorable(text[before])) before--;
        if (before < 0 || !IsCased(text[before])) return false;
        var after = index + 1;
        while (after < text.Length && IsCaseIgnorable(text[after])) after++;
        return after >= text.Length || !IsCased(text[after]);
    }

    private static bool IsCased(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter => true,
        _ => char.ToLowerInvariant(c) != c || char.ToUpperInvariant(c) != c,
    };

    private static bool IsCaseIgnorable(char c) => c is '\'' or '.' or ':' or '\u00B7' or '\u2018' or '\u2019' or '\u2024' or '\u2027'
        or '\uFE13' or '\uFE52' or '\uFE55' or '\uFF07' or '\uFF0E' or '\uFF1A'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;
}
