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

    /// <summary>
    /// Why a web address would take a visitor somewhere other than it reads, or null: "//host" (another site, though
    /// it looks like one of ours), "https:host" (no slashes: browsers still go there), and a user name or password
    /// before an '@' ("https://www.landvandemakers.nl@evil.example/" goes to evil.example).
    /// </summary>
    public static string? DeceptionProblem(string url)
    {
        var cleaned = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).Replace('\\', '/');
        var scheme = Scheme(cleaned);
        if (scheme == "" && cleaned.StartsWith("//", StringComparison.Ordinal))
            return $"Het adres '{url}' begint met // en gaat daarmee naar een andere website. Schrijf een volledig adres met https://, " +
                   "of een adres binnen de site dat met één / begint.";
        if (scheme is not ("http" or "https")) return null;
        if (!cleaned.AsSpan(scheme.Length + 1).StartsWith("//"))
            return $"In het adres '{url}' horen na '{scheme}:' twee schuine strepen, zoals https://www.voorbeeld.nl/.";
        var authority = cleaned[(scheme.Length + 3)..].Split('/', '?', '#')[0];
        if (authority.Contains('@'))
            return $"Het adres '{url}' bevat een naam of wachtwoord vóór een @. Zo'n adres lijkt naar de ene website te gaan en gaat " +
                   "naar een andere; laat het deel tot en met de @ weg.";
        return null;
    }
}
