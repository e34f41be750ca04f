using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MakersSite.Content.Loading;

/// <summary>A link written in a page body, with its file position for messages.</summary>
public sealed record BodyLink(string Url, int Line, int Column, bool IsImage);

/// <summary>
/// The one Markdown dialect of the site, shared by validation and rendering so both see the same document.
/// Raw HTML is disabled: members' HTML is shown as text, never passed through (content is untrusted).
/// Generic attributes ({onclick=…}) are deliberately not enabled for the same reason.
/// </summary>
public static class ContentMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    public static MarkdownDocument Parse(string body) => Markdown.Parse(body, Pipeline);

    public static IReadOnlyList<BodyLink> Links(MarkdownDocument document, int bodyLine)
    {
        var links = new List<BodyLink>();
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is { } url)
                links.Add(new BodyLink(url, link.Line + bodyLine, link.Column + 1, link.IsImage));
        }
        foreach (var auto in document.Descendants<AutolinkInline>())
            links.Add(new BodyLink(auto.Url, auto.Line + bodyLine, auto.Column + 1, IsImage: false));
        return links;
    }
}
