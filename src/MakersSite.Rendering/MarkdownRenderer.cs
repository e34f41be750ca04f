using Markdig;
using MakersSite.Content.Loading;

namespace MakersSite.Rendering;

public static class MarkdownRenderer
{
    public static string Render(string markdown) => Markdown.ToHtml(markdown, ContentMarkdown.Pipeline);

    // serve keeps unchanged pages between rebuilds (LoadedPageMemo); their HTML body lives as long as they do.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MakersSite.Content.Model.Page, string> Bodies = new();

    /// <summary>A page's body as HTML, rendered once per loaded page.</summary>
    public static string Body(MakersSite.Content.Model.Page page) => Bodies.GetValue(page, p => Render(p.Body));
}
