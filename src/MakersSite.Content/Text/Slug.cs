using System.Globalization;
using System.Text;

namespace MakersSite.Content.Text;

public static class Slug
{
    /// <summary>Turns a title into a URL slug: "Circulaire Producten & Productieprocessen" → "circulaire-producten-productieprocessen".</summary>
    public static string From(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingDash = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingDash && sb.Length > 0) sb.Append('-');
                sb.Append(c);
                pendingDash = false;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                if (pendingDash && sb.Length > 0) sb.Append('-');
                sb.Append(char.ToLowerInvariant(c));
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }
        }
        return sb.ToString();
    }
}
