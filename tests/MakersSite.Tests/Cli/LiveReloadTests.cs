using MakersSite.Preview;

namespace MakersSite.Tests.Cli;

/// <summary>When serve may swap in a page's new &lt;main&gt; instead of reloading it (the browser side is in ServeTests).</summary>
public sealed class LiveReloadTests
{
    private static string Page(string title, string main, string footer = "<footer>Voet</footer>") =>
        $"<!DOCTYPE html>\n<html lang=\"nl\"><head><title>{title}</title></head><body>\n<header>Kop</header>\n{main}\n{footer}\n</body></html>\n";

    [Fact]
    public void Only_main_changed_gives_the_new_main_element()
    {
        var before = Page("Testfabriek", "<main id=\"inhoud\"><p>Oud</p></main>");
        var after = Page("Testfabriek", "<main id=\"inhoud\"><p>Nieuw</p><p>En meer</p></main>");

        Assert.Equal("<main id=\"inhoud\"><p>Nieuw</p><p>En meer</p></main>", LiveReload.InPlaceUpdate(before, after));
    }

    [Theory]
    [InlineData("Testfabriek Vernieuwd", "<main><p>Nieuw</p></main>", "<footer>Voet</footer>")] // head changed
    [InlineData("Testfabriek", "<main><p>Nieuw</p></main>", "<footer>Andere voet</footer>")] // after main changed
    [InlineData("Testfabriek", "<main><p>Nieuw</p><script src=\"/js/filter.js\"></script></main>", "<footer>Voet</footer>")] // would not run
    [InlineData("Testfabriek", "<div><p>Nieuw</p></div>", "<footer>Voet</footer>")] // no main
    [InlineData("Testfabriek", "<main><p>Nieuw</p></main><main><p>Twee</p></main>", "<footer>Voet</footer>")] // two of them
    public void Anything_else_reloads(string title, string main, string footer)
    {
        var before = Page("Testfabriek", "<main><p>Oud</p></main>");

        Assert.Null(LiveReload.InPlaceUpdate(before, Page(title, main, footer)));
    }

    [Fact]
    public void A_script_in_the_old_main_reloads_too()
    {
        var before = Page("Zoeken", "<main><div id=\"search\"></div><SCRIPT src=\"/js/search.js\"></SCRIPT></main>");
        var after = Page("Zoeken", "<main><div id=\"search\"></div></main>");

        Assert.Null(LiveReload.InPlaceUpdate(before, after));
    }
}
