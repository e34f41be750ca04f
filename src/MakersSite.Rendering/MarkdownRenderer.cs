using Markdig;
using MakersSite.Content.Loading;

namespace MakersSite.Rendering;

public static class MarkdownRenderer
{
    public static string Render(string markdown) => Markdown.ToHtml(markdown, ContentMarkdown.Pipeline);

    /// <summary>
    /// A page's body as HTML. With <paramref name="bodies"/> (serve: pages kept between rebuilds) it is rendered once per
    /// loaded page and lives as long as the page; a single build keeps nothing, so memory stays flat.
    /// </summary>
    public static string Body(MakersSite.Content.Model.Page page, System.Runtime.CompilerServices.ConditionalWeakTable<MakersSite.Content.Model.Page, string>? bodies) =>
        bodies is null ? Render(page.Body) : bodies.GetValue(page, p => Render(p.Body));
}
