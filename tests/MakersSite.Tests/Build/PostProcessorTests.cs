using AngleSharp.Html.Parser;
using MakersSite.Output;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

/// <summary>
/// Post-processing from tokens against post-processing as a tree, page by page: the same tree, search text and
/// broken links; and the pages the tokens cannot take (HTML the parser would repair, glossaries, SVG) do go the
/// tree's way.
/// </summary>
public sealed class PostProcessorTests
{
    private static readonly HashSet<string> Files = new(["index.html", "bedrijven/index.html", "bedrijven/acme/index.html", "img/logo.png", "img/logo-640.png", "css/site.css"], StringComparer.Ordinal);

    private const string Head = """
        <!DOCTYPE html>
        <html lang="nl"><head>
        <meta charset="utf-8">
        <title>Acme &amp; Zonen – Land van de Makers</title>
        <meta name="description" content="Wij maken   &quot;alles&quot; &lt;echt&gt;&nbsp;waar.">
        <link rel="canonical" href="https://www.landvandemakers.nl/bedrijven/acme/">
        <link rel="stylesheet" href="/css/site.css">
        <script type="application/ld+json">{"name":"Acme </b> &amp; Zonen","x":"a<b"}</script>
        <style>.prose > p { margin: 0 }</style>
        </head>
        """;

    private static string Page(string body) => Head + "\n<body class=\"kind-company\">\n" + body + "\n</body>\n</html>\n";

    public static TheoryData<string, string> FromTokens => new()
    {
        { "headings and links", Page("""
            <header><a href="/">Home</a><nav><a href="/bedrijven/" onclick="steal()">Bedrijven</a></nav></header>
            <main id="inhoud">
            <h1>Acme &amp; Zonen</h1>
            <div class="prose">
            <h2>Wat wij maken</h2><p>Machines &amp; <em>onderdelen</em>, zie <a href="/bedrijven/acme/#werk">werk</a>.</p>
            <h2>Wat wij maken</h2><h3 id="werk">Werk</h3><h3 id="">Leeg <code>id</code></h3>
            <pre><code class="language-cs">if (a &lt; b) { }
            </code></pre>
            <h4>Stage &lt;mbo&gt;</h4><p><a href="/bestaat-niet/">kapot</a> <a href="javascript:alert(1)">gevaarlijk</a> <a href="https://example.org/x?a=1&amp;b=2">extern</a></p>
            <p><img src="/img/logo.png" srcset="/img/logo.png 320w, /img/logo-640.png 640w, /img/weg.png 900w" alt="Logo &quot;Acme&quot;"></p>
            </div>
            <h2>Buiten de tekst</h2>
            </main>
            <footer><p>Voet</p></footer>
            """) },
        { "search text", Page("""
            <main><p>niet dit</p>
            <article data-search-body class="x"><h1>Titel <span>met span</span></h1>
            <p>Eén&nbsp;regel<br>twee</p><hr><p>drie</p><ul><li>a</li><li>b</li></ul>
            <table><thead><tr><th>Kop</th></tr></thead><tbody>
              <tr><td>cel 1</td><td>cel&nbsp;2</td></tr>
            </tbody></table>
            <nav>menu</nav><button type="button">knop</button><span class="visually-hidden">verborgen</span>
            <div data-search-ignore><p>genegeerd</p></div><script>var a = "<p>";</script>
            <!-- commentaar --><p>slot <strong>vet</strong>woord</p></article></main>
            """) },
        { "void element as region", Page("<main><div><img src=\"/img/logo.png\" alt=\"\" data-search-body><p>niet dit</p></div></main>") },
        { "main as region, no h1", Page("<main><section><h2>Kop</h2><p>Tekst</p></section></main>") },
        { "no region", Page("<div><p>Geen main</p></div>") },
        { "a blank line before the doctype", "\n" + Page("<main><p>a</p></main>") },
        { "comments and white space around", "<!-- voor -->\n" + Page("<main><p>a</p><!-- midden --></main>") },
        { "windows line endings", Page("<main>\r\n<div class=\"prose\">\r\n<h2>Kop\r\nregel</h2>\r\n<p>tekst</p></div></main>").ReplaceLineEndings("\r\n") },
        { "body closed implicitly", Head + "<body><main><p>a</p></main>" },
        { "duplicate attribute (the tokenizer keeps the first)", Page("<main><p class=\"a\" class=\"b\">a</p></main>") },
    };

    public static TheoryData<string, string> AsTree => new()
    {
        { "block in paragraph", Page("<main><p>a<div>b</div></p></main>") },
        { "unclosed list item", Page("<main><ul><li>a<li>b</ul></main>") },
        { "text in a table", Page("<main><table>tekst<tr><td>a</td></tr></table></main>") },
        { "end tag that closes nothing", Page("<main><p>a</span></p></main>") },
        { "no head", "<!DOCTYPE html><html><body><main><p>a</p></main></body></html>" },
        { "no doctype (quirks mode)", Page("<main><p>a</p></main>")[("<!DOCTYPE html>\n".Length)..] },
        { "legacy doctype", "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\">" + Page("<main><p>a</p></main>")[("<!DOCTYPE html>".Length)..] },
        { "glossary", Page("<main><div class=\"prose\"><p>Een prototype is een proefmodel.</p></div><dl><dt><dfn id=\"prototype\">prototype</dfn></dt><dd>proef</dd></dl></main>") },
        { "svg", Page("<main><svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/></svg></main>") },
        { "link in a link", Page("<main><a href=\"/\">a<a href=\"/bedrijven/\">b</a></a></main>") },
        { "self-closing div", Page("<main><div/><p>a</p></main>") },
        { "template", Page("<main><template><p>a</p></template></main>") },
        { "text after the body", Head + "<body><main><p>a</p></main></body>tekst</html>" },
        { "row without tbody", Page("<main><table><tr><td>a</td></tr></table></main>") },
        { "newline after pre", Page("<main><pre>\ncode</pre></main>") },
        { "heading in a heading", Page("<main><div class=\"prose\"><h2>a<span><h3>b</h3></span></h2></div></main>") },
    };

    [Theory]
    [MemberData(nameof(FromTokens))]
    public void Well_nested_pages_are_post_processed_from_tokens_into_what_the_tree_gives(string name, string html)
    {
        var (tokens, tree) = Compared(name, html, pagesAsTree: 0);
        // Written as AngleSharp serialises a tree, so pages do not change with the way they took.
        Assert.Equal(tree.Page.Html, tokens.Page.Html);
    }

    [Theory]
    [MemberData(nameof(AsTree))]
    public void Pages_the_parser_would_repair_go_the_tree_way(string name, string html) => Compared(name, html, pagesAsTree: 1);

    [Fact]
    public void Headings_in_the_prose_get_unique_ids_and_links_and_unsafe_attributes_go()
    {
        var html = FromTokens.Select(row => ((string)row[0], (string)row[1])).Single(r => r.Item1 == "headings and links").Item2;
        var (tokens, _) = Both(html, url: "/bedrijven/acme/");
        var document = new HtmlParser().ParseDocument(tokens.Page.Html);
        Assert.Equal(["wat-wij-maken", "wat-wij-maken-2", "werk", "leeg-id", "stage-mbo"],
            document.QuerySelectorAll(".prose h2, .prose h3, .prose h4").Select(h => h.Id));
        Assert.Equal("Link naar ‘Stage <mbo>’", document.QuerySelector(".prose h4 a.anchor")!.GetAttribute("aria-label"));
        Assert.False(document.QuerySelector("main > h2")!.HasAttribute("id"));
        Assert.Null(document.QuerySelector("[onclick]"));
        Assert.Null(document.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent == "gevaarlijk")!.GetAttribute("href"));
        Assert.Equal("../../css/site.css", document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.Equal("https://www.landvandemakers.nl/bedrijven/acme/", document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("../../img/logo.png 320w, ../../img/logo-640.png 640w, /img/weg.png 900w", document.QuerySelector("img")!.GetAttribute("srcset"));
        Assert.Equal([new BrokenLink("/bedrijven/acme/", "/bestaat-niet/"), new BrokenLink("/bedrijven/acme/", "/img/weg.png")], tokens.Broken);
    }

    [Fact]
    public void Search_text_from_tokens_breaks_words_at_blocks_and_leaves_out_what_is_not_content()
    {
        var html = FromTokens.Select(row => ((string)row[0], (string)row[1])).Single(r => r.Item1 == "search text").Item2;
        var (tokens, _) = Both(html);
        Assert.Equal(("Titel met span", "Wij maken \"alles\" <echt> waar.", "Eén regel twee drie a b Kop cel 1 cel 2 slot vetwoord"), tokens.Page.SearchText);
    }

    [Fact]
    public void Headings_start_sections_of_the_search_text_with_their_anchors()
    {
        const string html = "<!DOCTYPE html><html><head><title>T</title></head><body><main><h1>Titel</h1>" +
                            "<div class=\"prose\"><p>Intro.</p><h2>De  aanpak</h2><p>Samen \uE000doen.</p><h3 id=\"eigen\">Stap <em>één</em></h3><p>Begin.</p></div>" +
                            "<section data-search-ignore><h2 id=\"rel\">Projecten</h2><p>Kaart.</p></section></main></body></html>";
        var (tokens, tree) = Both(html);
        Assert.Equal("Intro. De aanpak Samen doen. Stap één Begin.", tokens.Page.SearchText!.Value.Body);
        Assert.Equal([new TextSection(7, "de-aanpak", "De aanpak"), new TextSection(29, "eigen", "Stap één")], tokens.Page.Sections);
        Assert.Equal(tree.Page.Sections, tokens.Page.Sections);
    }

    [Fact]
    public void Text_marked_last_is_searchable_after_the_pages_own_text()
    {
        const string html = "<!DOCTYPE html><html><head><title>T</title></head><body><main><h1>Acme</h1>" +
                            "<p class=\"meta\" data-search-last>Venlo · gemeente Venlo</p><p class=\"tags\" data-search-last><a>Metaal</a></p>" +
                            "<div class=\"prose\"><p>Wij lassen.</p><h2>Werk</h2><p>Plaatwerk.</p></div></main></body></html>";
        var (tokens, tree) = Both(html);
        Assert.Equal("Wij lassen. Werk Plaatwerk. Venlo · gemeente Venlo Metaal", tokens.Page.SearchText!.Value.Body);
        Assert.Equal([new TextSection(12, "werk", "Werk")], tokens.Page.Sections);
        Assert.Equal(tree.Page.SearchText, tokens.Page.SearchText);
        Assert.Equal(tree.Page.Sections, tokens.Page.Sections);
    }

    [Fact]
    public void Pages_with_random_damage_come_out_the_same_both_ways()
    {
        // Damaged pages take every path: the tokens, the tree because the parser would repair them, AngleSharp's
        // tokenizer because the scanner leaves them. Whichever way a page goes, the page is the one the tree gives.
        var pages = RandomDamage.DefaultSitePages();
        var random = new Random(30112026);
        var fromTokens = 0;
        for (var i = 0; i < 1500; i++)
        {
            var damaged = RandomDamage.Damage(pages, random, out var at);
            var (tokens, tree) = Both(damaged);
            Assert.True(tree.Page.Html == tokens.Page.Html, $"damage at {at}:\n{RandomDamage.Around(damaged, at)}");
            Assert.Equal(tree.Page.SearchText, tokens.Page.SearchText);
            Assert.Equal(tree.Page.Sections, tokens.Page.Sections);
            Assert.Equal(tree.Broken, tokens.Broken);
            if (tokens.Processor.PagesAsTree == 0) fromTokens++;
        }
        Assert.InRange(fromTokens, 150, 1350); // both ways taken often
    }

    private sealed record Run(PostProcessor Processor, PostProcessedPage Page, List<BrokenLink> Broken);

    private static (Run Tokens, Run Tree) Both(string html, string url = "/bedrijven/acme/")
    {
        Run Once(bool tree)
        {
            var processor = new PostProcessor(Files.Contains, alwaysBuildTree: tree);
            var broken = new List<BrokenLink>();
            return new Run(processor, processor.Process(url, html, broken, searchText: true), broken);
        }
        return (Once(tree: false), Once(tree: true));
    }

    /// <summary>Both ways, with the same tree, search text and broken links; the token way fell back to the tree as often as given.</summary>
    private static (Run Tokens, Run Tree) Compared(string name, string html, int pagesAsTree)
    {
        var (tokens, tree) = Both(html);
        Assert.Equal(pagesAsTree, tokens.Processor.PagesAsTree);
        AssertSame(name, tokens, tree);
        return (tokens, tree);
    }

    private static void AssertSame(string name, Run tokens, Run tree)
    {
        Assert.True(Reserialised(tree.Page.Html) == Reserialised(tokens.Page.Html), $"{name}:\n{tree.Page.Html}\n---\n{tokens.Page.Html}");
        Assert.Equal(tree.Page.SearchText, tokens.Page.SearchText);
        Assert.Equal(tree.Page.Sections, tokens.Page.Sections);
        Assert.Equal(tree.Broken, tokens.Broken);
    }

    private static string Reserialised(string html)
    {
        var output = new StringWriter();
        new HtmlParser().ParseDocument(html).DocumentElement.ToHtml(output, PageHtmlFormatter.Instance);
        return output.ToString();
    }
}
