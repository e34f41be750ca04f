using AngleSharp.Html.Parser;

namespace MakersSite.Output;

/// <summary>A link on a generated page that points at nothing the build writes.</summary>
public sealed record BrokenLink(string PageUrl, string Href);

/// <summary>A part of a page's search text that a heading starts: where in the body, the heading's anchor and text.</summary>
public sealed record TextSection(int Offset, string Anchor, string Heading);

/// <summary>A post-processed page, and its search text (with its sections) when asked for and the page has a body to index.</summary>
public sealed record PostProcessedPage(string Html, (string Title, string Summary, string Body)? SearchText)
{
    public IReadOnlyList<TextSection> Sections { get; init; } = [];
}

/// <summary>
/// The post-process phase for one page, as a chain of steps (<see cref="PageTransform"/>): attribute safety, the
/// link rewrite and check, heading anchors, glossary links and search-text capture. Each page is read from its
/// tokens when its tags nest as written (<see cref="TokenPass"/>), otherwise as a whole DOM (<see cref="TreePass"/>);
/// both apply the same steps.
/// </summary>
/// <param name="alwaysBuildTree">Post-process every page through a whole DOM, never from the tokens (for comparisons).</param>
public sealed class PostProcessor(Func<string, bool> outputExists, bool alwaysBuildTree = false)
{
    // One parser per thread: pages are post-processed in parallel.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());
    private int _pagesAsTree;
    private int _pagesTokenizedByAngleSharp;

    /// <summary>How many pages needed a whole DOM so far.</summary>
    public int PagesAsTree => _pagesAsTree;

    /// <summary>How many pages <see cref="PageTokens.TryScan"/> left to AngleSharp's tokenizer (whichever way they were then post-processed).</summary>
    public int PagesTokenizedByAngleSharp => _pagesTokenizedByAngleSharp;

    /// <param name="relativeLinks">False for pages served at any address (404.html), whose links must stay root-relative.</param>
    /// <param name="searchText">Take the search text out of the finished page too, so it is not parsed again.</param>
    public PostProcessedPage Process(string url, string html, List<BrokenLink> broken, bool relativeLinks = true, bool searchText = false)
    {
        var capacity = html.Length + html.Length / 8;
        if (!alwaysBuildTree)
        {
            var tokens = PageTokens.Tokenize(html, out var scanned);
            if (!scanned) Interlocked.Increment(ref _pagesTokenizedByAngleSharp);
            var (steps, capture) = Chain(url, broken, relativeLinks, searchText);
            if (TokenPass.Run(tokens, steps, capacity) is { } page) return new PostProcessedPage(page, capture?.Result) { Sections = capture?.Sections ?? [] };
        }
        Interlocked.Increment(ref _pagesAsTree);
        var document = Parser.Value!.ParseDocument(html);
        var (treeSteps, treeCapture) = Chain(url, broken, relativeLinks, searchText);
        TreePass.Run(document, treeSteps);
        // Written once into a buffer the size of the page, where OuterHtml plus the doctype would copy it twice more.
        var output = new StringWriter(new System.Text.StringBuilder(capacity));
        output.Write("<!DOCTYPE html>\n");
        document.DocumentElement.ToHtml(output, PageHtmlFormatter.Instance);
        output.Write('\n');
        return new PostProcessedPage(output.ToString(), treeCapture?.Result) { Sections = treeCapture?.Sections ?? [] };
    }

    /// <summary>The steps for one page, in the order they edit it; a fresh chain per pass, since steps keep what they read.</summary>
    private (PageTransform[] Steps, SearchTextCapture? Capture) Chain(string url, List<BrokenLink> broken, bool relativeLinks, bool searchText)
    {
        var anchors = new HeadingAnchors();
        var capture = searchText ? new SearchTextCapture(anchors) : null;
        PageTransform[] steps = [AttributeSafety.Instance, new LinkRewrite(url, outputExists, broken, relativeLinks), anchors, new GlossaryLinks()];
        return (capture is null ? steps : [.. steps, capture], capture);
    }
}
