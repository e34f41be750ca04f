using MakersSite.Build;

namespace MakersSite.Tests.Infrastructure;

/// <summary>
/// Real pages of the default site with HTML syntax put in at random places, for tests that compare the fast ways
/// of reading pages with AngleSharp's: every corner where they might differ gets a chance to show up. A fixed seed
/// keeps a test the same from run to run.
/// </summary>
public static class RandomDamage
{
    private static readonly string[] Pieces =
    [
        "<", ">", "&", ";", "\"", "'", "=", "/", "!", "-", "--", "#", "x", "A", " ", "\n", "&amp", "&#", "&#x", "</", "<!--", "-->",
        "<p>", "</p>", "<div>", "</div>", "<li>", "</ul>", "<table>", "<tr>", "<h2>", "</h2>", "<a href=\"/x/\">", "</a>",
        "<script>", "</script>", "<title>", "</title>", "<style>", "</style>", "<textarea>", "<pre>", "<svg>", "<dfn id=\"x\">",
        "&nbsp;", "&notit;", "\u00A0", "\t", "\f",
    ];

    /// <summary>The HTML pages of the default site as the generator writes them, in path order.</summary>
    public static List<string> DefaultSitePages()
    {
        using var site = TestSite.FromDefaultContent();
        var result = new SiteBuilder().Build(new BuildOptions(site.Root, site.Output, Today: TestSite.Today) { Reuse = Reuse.Nothing });
        if (!result.Succeeded) throw new InvalidOperationException("The default site does not build.");
        return Directory.GetFiles(site.Output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
    }

    /// <summary>One of the pages with one to three pieces of syntax put in, mostly near a tag or reference; <paramref name="at"/>: where.</summary>
    public static string Damage(IReadOnlyList<string> pages, Random random, out int at)
    {
        var page = pages[random.Next(pages.Count)];
        at = random.Next(page.Length);
        if (random.Next(4) > 0 && page.IndexOfAny(['<', '&'], at) is var near and >= 0) at = Math.Min(page.Length, near + random.Next(12));
        return page.Insert(at, string.Concat(Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Pieces[random.Next(Pieces.Length)])));
    }

    /// <summary>The text around <paramref name="at"/>, for a failure message.</summary>
    public static string Around(string html, int at) => html[Math.Max(0, at - 80)..Math.Min(html.Length, at + 80)];
}
