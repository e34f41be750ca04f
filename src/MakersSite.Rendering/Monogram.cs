using System.Globalization;

namespace MakersSite.Rendering;

/// <summary>
/// The initials a company without a logo shows in its place: the first letters of its first two names, leaving out
/// legal forms and words like "Group" that every other company has too ("Christiaens Group" → "C", "WP Haton" → "WH").
/// </summary>
public static class Monogram
{
    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "bv", "b.v.", "nv", "n.v.", "vof", "v.o.f.", "holding", "group", "groep", "groups", "de", "het", "en", "&", "the", "and", "of", "van",
    };

    public static string Of(string name)
    {
        var words = name.Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Generic.Contains(w) && char.IsLetterOrDigit(w, 0)).ToList();
        if (words.Count == 0) words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetterOrDigit(w, 0)).ToList();
        return string.Concat(words.Take(2).Select(First)).ToUpperInvariant();
    }

    // A whole first character, never half a surrogate pair or a letter without its accent.
    private static string First(string word) => StringInfo.GetNextTextElement(word);
}
