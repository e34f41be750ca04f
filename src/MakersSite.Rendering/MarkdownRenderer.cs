using Markdig;
using MakersSite.Content.Loading;

namespace MakersSite.Rendering;

public sealed class MarkdownRenderer
{
    public string Render(string markdown) => Markdown.ToHtml(markdown, ContentMarkdown.Pipeline);
}
