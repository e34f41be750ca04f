using System.Buffers;
using System.Text;
using AngleSharp.Dom;

namespace MakersSite.Output;

/// <summary>
/// Takes the searchable text out of a finished page: the element marked <c>data-search-body</c> (or
/// <c>main</c>), without navigation, scripts and anything marked <c>data-search-ignore</c>. Block elements
/// become word breaks, so "&lt;li&gt;a&lt;/li&gt;&lt;li&gt;b&lt;/li&gt;" reads "a b", not "ab".
/// </summary>
public static class SearchTextExtractor
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "nav", "noscript", "template", "svg", "button", "form" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    };

    internal static bool IsSkipped(string name) => Skipped.Contains(name);

    internal static bool IsBlock(string name) => Blocks.Contains(name);

    /// <summary>Title (the h1), summary (meta description) and body text of a page, or null when the page has no body to index.</summary>
    public static (string Title, string Summary, string Body)? Extract(IDocument document)
    {
        // One walk over the document finds all four, where a selector query each would walk it four times.
        IElement? marked = null, main = null, heading = null, description = null;
        foreach (var element in document.All)
        {
            switch (element.LocalName)
            {
                case "main": main ??= element; break;
                case "h1": heading ??= element; break;
                case "meta" when description is null && element.GetAttribute("name") == "description": description = element; break;
            }
            if (marked is null && element.HasAttribute("data-search-body")) marked = element;
        }
        var region = marked ?? main;
        if (region is null) return null;
        var title = Normalize(heading?.TextContent ?? document.Title ?? "");
        var summary = Normalize(description?.GetAttribute("content") ?? "");
        var sb = new StringBuilder();
        Append(region, sb);
        return (title, summary, Normalize(sb.ToString()));
    }

    private static void Append(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    sb.Append(text.Data);
                    break;
                case IElement element when Skipped.Contains(element.LocalName) || element.HasAttribute("data-search-ignore")
                                            || Html.HasClass(element, "anchor") || Html.HasClass(element, "visually-hidden"):
                    break;
                case IElement element when element.LocalName == "h1":
                    break; // the title is its own field
                case IElement element:
                    var block = Blocks.Contains(element.LocalName);
                    if (block) sb.Append(' ');
                    Append(element, sb);
                    if (block) sb.Append(' ');
                    break;
            }
        }
    }

    // Exactly the characters char.IsWhiteSpace accepts, for a vectorised search.
    private static readonly SearchValues<char> WhiteSpace =
        SearchValues.Create(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());

    /// <summary>NFC, and every run of white space (HTML's or Unicode's) as one space.</summary>
    public static string Normalize(string text)
    {
        var rest = text.Normalize(NormalizationForm.FormC).AsSpan();
        var sb = new StringBuilder(rest.Length);
        while (true)
        {
            var start = rest.IndexOfAnyExcept(WhiteSpace);
            if (start < 0) break;
            if (sb.Length > 0) sb.Append(' ');
            rest = rest[start..];
            var end = rest.IndexOfAny(WhiteSpace);
            if (end < 0)
            {
                sb.Append(rest);
                break;
            }
            sb.Append(rest[..end]);
            rest = rest[end..];
        }
        return sb.ToString();
    }
}
