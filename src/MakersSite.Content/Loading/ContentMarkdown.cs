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

    /// <summary>
    /// The parsed body and its HTML, or a message when Markdig refuses it: it stops at 128 levels of nesting, in
    /// parsing (quotes, lists) and in rendering (brackets, emphasis), with an ArgumentException.
    /// </summary>
    public static (MarkdownDocument Document, string Html)? TryRender(string body, string file, int bodyLine, Diagnostics.DiagnosticBag diagnostics)
    {
        try
        {
            var document = Parse(body);
            return (document, Markdown.ToHtml(document, Pipeline));
        }
        catch (ArgumentException)
        {
            diagnostics.Error(file, bodyLine + DeepestLine(body), 1, null,
                "De tekst van deze pagina is te diep genest: er staan te veel citaten ('>'), lijsten, haken of sterretjes in elkaar. " +
                "Gebruik hoogstens een paar niveaus.");
            return null;
        }
    }

    /// <summary>The body line (from 0) with the most nesting marks, where a too deep nesting most likely is.</summary>
    private static int DeepestLine(string body)
    {
        var (deepest, most, line) = (0, 0, 0);
        foreach (var range in body.AsSpan().Split('\n'))
        {
            var marks = body.AsSpan()[range].IndexOfAny("[>*_") < 0 ? 0 : CountMarks(body.AsSpan()[range]);
            if (marks > most) (deepest, most) = (line, marks);
            line++;
        }
        return deepest;
    }

    private static int CountMarks(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text) if (c is '[' or '>' or '*' or '_') count++;
        return count;
    }

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
