namespace MakersSite.Search;

/// <summary>
/// The word shown for a term in "bedoelde je …?": its most frequent form in the fields that show words, ties broken
/// ordinally. One rule for the full write and the patch, so a patched index shows what a new one would.
/// </summary>
internal static class ShownWords
{
    public static bool Prefer(int uses, string word, int bestUses, string? bestWord) =>
        uses > bestUses || (uses == bestUses && string.CompareOrdinal(word, bestWord) < 0);
}
