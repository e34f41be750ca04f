using MakersSite.Output;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

/// <summary>
/// The fast scanner against AngleSharp's tokenizer: on every page it takes, the very same tokens; everything it
/// does not read (outside its part of HTML, or where AngleSharp parts from the standard) it leaves to AngleSharp.
/// </summary>
public sealed class PageTokensTests
{
    public static TheoryData<string, string> Scanned => new()
    {
        { "page", """
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8"><title>Acme &amp; Zonen &lt;3 a < b</title>
            <script type="application/ld+json">{"a":"</b> &amp; a<b","b":"</scr"+"ipt>","c":"</scriptx>"}</script>
            <style>p > a { content: "&amp;" }</style></head>
            <body class="kind-company"><p>A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39; &nbsp;f &#233; &#xE9; &#x1F600; a&#9;b&#10;c &notin; & &&amp; &</p>
            <!--c---><!-- a -- b --><!----><!-- <!-- x -->
            <a href="/x/?a=1&amp;b=2" title='&quot;x&quot;' data-q data-u=a/b data-e=a&amp;b data-f="a & b&" class = "x y" >link</a>
            <br/><img src=a.png alt="" /><P CLASS="Upper">x</P ><my-element data-x:y.z_w="1">c</my-element>
            <textarea>a < b &amp; </c></textarea><title>x</b <B></title><iframe src="/x/"></iframe><script></script>
            <p class="a" class="b" id="p">first class counts</p>
            </body></html>
            """ },
        { "lower-case doctype", "<!doctype HTML >\n<p>x</p>" },
        { "text only", "geen tags, wel &euro; en &#x20AC;" },
        { "nothing", "" },
    };

    public static TheoryData<string, string> LeftToAngleSharp => new()
    {
        { "carriage return", "<p>a\r\nb</p>" },
        { "NUL", "<p>a\0b</p>" },
        { "byte order mark", "\uFEFF<p>a</p>" },
        { "ampersand and letters without semicolon", "<p>AT&T</p>" },
        { "legacy reference without semicolon", "<p>&copy 2026</p>" },
        { "reference that is a legacy prefix", "<p>&ampfoo;</p>" },
        { "ampersand before a semicolon (AngleSharp drops the semicolon)", "<p>&;</p>" },
        { "ampersand before other punctuation", "<p>a&-b</p>" },
        { "reference to NUL", "<p>&#0;</p>" },
        { "reference to a C1 control", "<p>&#x80;</p>" },
        { "reference to a surrogate", "<p>&#xD800;</p>" },
        { "reference without digits", "<p>&#x;</p>" },
        { "abruptly closed comment", "<!--><p>a</p>" },
        { "comment closed by --!>", "<!-- a --!><p>a</p>" },
        { "unclosed comment", "<p>a</p><!-- a" },
        { "bogus comment", "<?xml version=\"1.0\"?><p>a</p>" },
        { "lone less-than sign", "<p>a < b</p>" },
        { "legacy doctype", "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><p>a</p>" },
        { "attribute without value after =", "<p a=>x</p>" },
        { "attributes without white space between", "<p a=\"1\"b=\"2\">x</p>" },
        { "slash between attributes", "<p / a>x</p>" },
        { "quote in an unquoted value", "<p a=b\"c>x</p>" },
        { "escaped script", "<script><!-- if (a) { } --></script>" },
        { "end tag with attributes", "<p>a</p class=\"x\">" },
        { "end tag of a script with white space", "<script>a</script >" },
        { "unusual tag name", "<p>a</p><a<b>x</a<b>" },
        { "unfinished tag", "<p>a</p><div class=\"x" },
        { "unclosed script", "<script>a" },
        { "upper-case end tag inside a title", "<title>a</B c</title>" },
    };

    [Theory]
    [MemberData(nameof(Scanned))]
    public void The_scanner_gives_the_tokens_AngleSharp_gives(string name, string html)
    {
        var scanned = PageTokens.TryScan(html);
        Assert.True(scanned is not null, name);
        Assert.Equal(Describe(PageTokens.WithAngleSharp(html)), Describe(scanned));
    }

    [Theory]
    [MemberData(nameof(LeftToAngleSharp))]
    public void What_the_scanner_does_not_read_goes_to_AngleSharp(string name, string html)
    {
        Assert.True(PageTokens.TryScan(html) is null, name);
        var tokens = PageTokens.Tokenize(html, out var scanned);
        Assert.False(scanned);
        Assert.Equal(Describe(PageTokens.WithAngleSharp(html)), Describe(tokens));
    }

    [Fact]
    public void The_scanner_reads_every_page_of_the_default_site_as_AngleSharp_does()
    {
        var pages = RandomDamage.DefaultSitePages();
        Assert.InRange(pages.Count, 50, 10_000);
        foreach (var html in pages)
        {
            var scanned = PageTokens.TryScan(html);
            Assert.True(scanned is not null, html[..Math.Min(html.Length, 400)]);
            Assert.Equal(Describe(PageTokens.WithAngleSharp(html)), Describe(scanned));
        }
    }

    [Fact]
    public void Pages_with_random_damage_are_either_scanned_as_AngleSharp_reads_them_or_left_to_it()
    {
        var pages = RandomDamage.DefaultSitePages();
        var random = new Random(20261130);
        var scanned = 0;
        for (var i = 0; i < 3000; i++)
        {
            var damaged = RandomDamage.Damage(pages, random, out var at);
            if (PageTokens.TryScan(damaged) is not { } tokens) continue;
            scanned++;
            Assert.True(Describe(PageTokens.WithAngleSharp(damaged)).SequenceEqual(Describe(tokens)), $"damage at {at}:\n{RandomDamage.Around(damaged, at)}");
        }
        Assert.InRange(scanned, 300, 2700); // both ways taken often
    }

    private static List<string> Describe(IEnumerable<PageToken> tokens) =>
        tokens.Select(t => $"{t.Type} [{t.Text}] {string.Join(' ', t.Attributes.Select(a => $"{a.Name}=[{a.Value}]"))}{(t.IsSelfClosing ? " /" : "")}").ToList();
}
