using AngleSharp;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using MakersSite.Output;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

/// <summary>The lock-free serialiser writes exactly what AngleSharp's own HTML formatter writes.</summary>
public sealed class PageHtmlFormatterTests
{
    private static (string Stock, string Ours) Both(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var ours = new StringWriter();
        document.DocumentElement.ToHtml(ours, PageHtmlFormatter.Instance);
        return (document.DocumentElement.ToHtml(HtmlMarkupFormatter.Instance), ours.ToString());
    }

    [Fact]
    public void Attributes_with_quotes_ampersands_and_no_break_spaces_and_namespaced_svg_serialise_the_same()
    {
        var (stock, ours) = Both("""
            <p title='Zeg "ja" &amp; doe&nbsp;het' data-x="a<b>c" hidden>tekst &amp; meer&nbsp;<br></p>
            <svg viewBox="0 0 1 1"><use xlink:href="#ster"></use></svg><input disabled value=''><script>if (a < b && c) {}</script>
            """);

        Assert.Equal(stock, ours);
        Assert.Contains("title=\"Zeg &quot;ja&quot; &amp; doe&nbsp;het\"", ours);
    }

    [Fact]
    public void Every_page_of_the_default_site_serialises_the_same()
    {
        using var site = TestSite.FromDefaultContent();
        Assert.True(site.Build().Succeeded);
        var pages = Directory.GetFiles(site.Output, "*.html", SearchOption.AllDirectories);

        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var (stock, ours) = Both(File.ReadAllText(page));
            Assert.Equal(stock, ours);
        }
    }
}
