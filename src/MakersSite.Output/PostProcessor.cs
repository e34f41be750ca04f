using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MakersSite.Content.Loading;
using MakersSite.Content.Text;

namespace MakersSite.Output;

/// <summary>A link on a generated page that points at nothing the build writes.</summary>
public sealed record BrokenLink(string PageUrl, string Href);

/// <summary>A post-processed page, and its search text when asked for and the page has a body to index.</summary>
public sealed record PostProcessedPage(string Html, (string Title, string Summary, string Body)? SearchText);

/// <summary>
/// The post-process phase for one page: heading anchors, URL safety, the internal link check, and rewriting
/// internal links to relative ones so the same public/ works over http and opened from disk.
/// </summary>
/// <param name="alwaysBuildTree">Post-process every page through a whole DOM, never from the tokens (for comparisons).</param>
public sealed partial class PostProcessor(Func<string, bool> outputExists, bool alwaysBuildTree = false)
{
    // One parser per thread: pages are post-processed in parallel.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());
    private int _pagesAsTree;

    /// <summary>How many pages needed a whole DOM so far.</summary>
    public int PagesAsTree => _pagesAsTree;

    private int _pagesTokenizedByAngleSharp;

    /// <summary>How many pages <see cref="PageTokens.TryScan"/> left to AngleSharp's tokenizer (whichever way they were then post-processed).</summary>
    public int PagesTokenizedByAngleSharp => _pagesTokenizedByAngleSharp;

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.Ordinal) { "href", "src", "action", "poster", "formaction" };

    /// <param name="relativeLinks">False for pages served at any address (404.html), whose links must stay root-relative.</param>
    /// <param name="searchText">Take the search text out of the finished page too (<see cref="SearchTextExtractor"/>), so it is not parsed again.</param>
    public PostProcessedPage Process(string url, string html, List<BrokenLink> broken, bool relativeLinks = true, bool searchText = false)
    {
        if (!alwaysBuildTree && TryProcessTokens(url, html, broken, relativeLinks, searchText) is { } page) return page;
        Interlocked.Increment(ref _pagesAsTree);
        var document = Parser.Value!.ParseDocument(html);
        // One walk over the elements does the attributes and finds what the anchors and glossary links need;
        // a selector query for each of those would walk the whole page again.
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var headings = new List<IElement>();
        var terms = new List<IElement>();
        IElement? prose = null;
        var changes = new List<(string Name, string? Value)>();
        foreach (var element in document.All)
        {
            changes.Clear();
            var canonical = IsCanonicalLink(element);
            foreach (var attribute in element.Attributes)
            {
                var rewritten = RewriteAttribute(url, attribute.Name, attribute.Value, broken, relativeLinks, canonical);
                if (rewritten != attribute.Value) changes.Add((attribute.Name, rewritten));
                if (attribute.Name == "id" && attribute.Value.Length > 0) ids.Add(attribute.Value);
            }
            foreach (var (name, value) in changes)
            {
                if (value is null) element.RemoveAttribute(name);
                else element.SetAttribute(name, value);
            }
            switch (element.LocalName)
            {
                case "h2" or "h3" or "h4" when InProse(element): headings.Add(element); break;
                case "dfn" when element.HasAttribute("id"): terms.Add(element); break;
            }
            if (prose is null && Html.HasClass(element, "prose")) prose = element;
        }
        AddHeadingAnchors(document, headings, ids);
        LinkGlossaryTerms(document, terms, prose);
        var text = searchText ? SearchTextExtractor.Extract(document) : null;
        // Written once into a buffer the size of the page, where OuterHtml plus the doctype would copy it twice more.
        var output = new StringWriter(new System.Text.StringBuilder(html.Length + html.Length / 8));
        output.Write("<!DOCTYPE html>\n");
        document.DocumentElement.ToHtml(output, PageHtmlFormatter.Instance);
        output.Write('\n');
        return new PostProcessedPage(output.ToString(), text);
    }

    /// <summary>What an attribute's value becomes; null when the attribute goes (an event handler, a link with an unsafe scheme).</summary>
    /// <param name="canonical">Whether the element is the canonical link, whose address stays absolute.</param>
    private string? RewriteAttribute(string pageUrl, string name, string value, List<BrokenLink> broken, bool relativeLinks, bool canonical)
    {
        // Defence in depth: templates escape content, and no on* attribute survives into public/ either way.
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) return null;
        if (name == "srcset") return RewriteSrcset(pageUrl, value, broken, keepAbsolute: !relativeLinks);
        if (UrlAttributes.Contains(name)) return RewriteUrl(pageUrl, value, broken, keepAbsolute: !relativeLinks || canonical);
        return value;
    }

    /// <summary>"url 320w, url 640w": each candidate is a URL like src, checked and made relative the same way.</summary>
    private string RewriteSrcset(string pageUrl, string value, List<BrokenLink> broken, bool keepAbsolute)
    {
        var candidates = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.Split(' ', 2))
            .Select(parts => (Url: RewriteUrl(pageUrl, parts[0], broken, keepAbsolute), Descriptor: parts.Length > 1 ? " " + parts[1] : ""))
            .Where(c => c.Url is not null)
            .Select(c => c.Url + c.Descriptor);
        return string.Join(", ", candidates);
    }

    private string? RewriteUrl(string pageUrl, string value, List<BrokenLink> broken, bool keepAbsolute)
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

    private static bool IsCanonicalLink(IElement element) =>
        element.LocalName == "link" && element.GetAttribute("rel") == "canonical";

    /// <summary>
    /// Where a word the page explains (a &lt;dfn id&gt; in its glossary) first appears in the text, it links to the
    /// explanation, so a pupil who stumbles over "prototype" finds out right there what it means.
    /// </summary>
    private static void LinkGlossaryTerms(IDocument document, List<IElement> definitions, IElement? prose)
    {
        var terms = definitions
            .Select(d => (Text: d.TextContent.Trim(), Id: d.Id!))
            .Where(t => t.Text.Length > 1)
            .ToList();
        if (terms.Count == 0 || prose is null) return;
        foreach (var (text, id) in terms)
        {
            var pattern = new System.Text.RegularExpressions.Regex($@"(?<!\p{{L}}){System.Text.RegularExpressions.Regex.Escape(text)}(?!\p{{L}})",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
            var node = TextNodes(prose).FirstOrDefault(n => pattern.IsMatch(n.Data));
            if (node is null) continue;
            var match = pattern.Match(node.Data);
            var link = document.CreateElement("a");
            link.ClassName = "term";
            link.SetAttribute("href", "#" + id);
            link.TextContent = match.Value;
            var after = document.CreateTextNode(node.Data[(match.Index + match.Length)..]);
            node.Data = node.Data[..match.Index];
            node.Parent!.InsertBefore(after, node.NextSibling);
            node.Parent.InsertBefore(link, after);
        }
    }

    private static IEnumerable<IText> TextNodes(INode node)
    {
        foreach (var child in node.ChildNodes.ToList())
        {
            if (child is IText text) yield return text;
            else if (child is IElement element && element.LocalName is not ("a" or "code" or "pre" or "h2" or "h3" or "h4"))
                foreach (var inner in TextNodes(element)) yield return inner;
        }
    }

    /// <summary>Gives h2–h4 in the main content an id and a visible "#" link, so sections can be linked to.</summary>
    private static void AddHeadingAnchors(IDocument document, List<IElement> headings, HashSet<string> used)
    {
        foreach (var heading in headings)
        {
            if (!string.IsNullOrEmpty(heading.Id)) continue;
            var id = HeadingId(heading.TextContent, used);
            heading.Id = id;
            var anchor = document.CreateElement("a");
            anchor.ClassName = "anchor";
            anchor.SetAttribute("href", "#" + id);
            anchor.SetAttribute("aria-label", AnchorLabel(heading.TextContent));
            anchor.TextContent = "#";
            heading.AppendChild(anchor);
        }
    }

    /// <summary>The slug of a heading's text, made unique on the page (and taken, in <paramref name="used"/>).</summary>
    private static string HeadingId(string text, HashSet<string> used)
    {
        var baseId = Slug.From(text);
        if (baseId.Length == 0) baseId = "kop";
        var id = baseId;
        for (var n = 2; !used.Add(id); n++) id = $"{baseId}-{n}";
        return id;
    }

    private static string AnchorLabel(string headingText) => $"Link naar ‘{headingText.Trim()}’";

    /// <summary>Whether an element lies inside an element of class "prose" (the selector ".prose h2").</summary>
    private static bool InProse(IElement element)
    {
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
            if (Html.HasClass(parent, "prose")) return true;
        return false;
    }
}
