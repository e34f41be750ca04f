using MakersSite.Content.Loading;

namespace MakersSite.Output;

/// <summary>
/// Checks every internal link against what the build writes, drops links with an unsafe scheme, and makes internal
/// links relative so the same public/ works over http and opened from disk.
/// </summary>
/// <param name="relativeLinks">False for pages served at any address (404.html), whose links must stay root-relative.</param>
internal sealed class LinkRewrite(string pageUrl, Func<string, bool> outputExists, List<BrokenLink> broken, bool relativeLinks) : PageTransform
{
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.Ordinal) { "href", "src", "action", "poster", "formaction" };

    public override void EditAttributes(int ordinal, string name, List<(string Name, string Value)> attributes)
    {
        // The canonical link's address stays absolute.
        var canonical = name == "link" && Html.Attribute(attributes, "rel") == "canonical";
        for (var i = 0; i < attributes.Count; i++)
        {
            var (attribute, value) = attributes[i];
            var rewritten = attribute == "srcset" ? RewriteSrcset(value, keepAbsolute: !relativeLinks)
                : UrlAttributes.Contains(attribute) ? RewriteUrl(value, keepAbsolute: !relativeLinks || canonical)
                : value;
            if (rewritten is null) attributes.RemoveAt(i--);
            else if (!ReferenceEquals(rewritten, value)) attributes[i] = (attribute, rewritten);
        }
    }

    /// <summary>"url 320w, url 640w": each candidate is a URL like src, checked and made relative the same way.</summary>
    private string RewriteSrcset(string value, bool keepAbsolute)
    {
        var candidates = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.Split(' ', 2))
            .Select(parts => (Url: RewriteUrl(parts[0], keepAbsolute), Descriptor: parts.Length > 1 ? " " + parts[1] : ""))
            .Where(c => c.Url is not null)
            .Select(c => c.Url + c.Descriptor);
        return string.Join(", ", candidates);
    }

    private string? RewriteUrl(string value, bool keepAbsolute)
    {
        var scheme = UrlSafety.Scheme(value);
        if (!UrlSafety.IsAllowedLinkScheme(scheme)) return null;
        if (scheme.Length > 0 || value.StartsWith('#') || value.StartsWith("//", StringComparison.Ordinal)) return value;
        if (!value.StartsWith('/')) return value;

        var cut = value.IndexOfAny(['#', '?']);
        var path = cut < 0 ? value : value[..cut];
        var suffix = cut < 0 ? "" : value[cut..];
        if (!outputExists(OutputPaths.FileForUrl(Uri.UnescapeDataString(path))))
        {
            broken.Add(new BrokenLink(pageUrl, value));
            return value;
        }
        return keepAbsolute ? value : OutputPaths.Relative(pageUrl, path) + suffix;
    }
}
