using Markdig;
using MakersSite.Content.Loading;

namespace MakersSite.Rendering;

public static class MarkdownRenderer
{
    public static string Render(string markdown) => Markdown.ToHtml(markdown, ContentMarkdown.Pipeline);
}
