namespace MakersSite.Content.Loading;

/// <summary>URL scheme checks shared by validation (front matter, Markdown) and output sanitising.</summary>
public static class UrlSafety
{
    /// <summary>The lower-cased scheme of a URL ("https", "javascript"), or "" for a relative URL.</summary>
    public static string Scheme(string url)
    {
        // Browsers ignore control characters and whitespace inside schemes ("java\tscript:"), so compare without them.
        var cleaned = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = cleaned.IndexOf(':');
        if (colon <= 0) return "";
        var scheme = cleaned[..colon];
        if (scheme.Contains('/') || scheme.Contains('?') || scheme.Contains('#')) return "";
        return scheme.ToLowerInvariant();
    }

    public static bool IsDangerousScheme(string scheme) => scheme is "javascript" or "data" or "vbscript" or "file";

    /// <summary>Schemes a link in content may use: web, mail, phone, or none (relative).</summary>
    public static bool IsAllowedLinkScheme(string scheme) => scheme is "" or "https" or "http" or "mailto" or "tel";
}
