using AngleSharp.Html.Parser;
using MakersSite.Build;
using MakersSite.Output;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

/// <summary>
/// Pages are post-processed from AngleSharp's tokens when their tags nest as written, and through a whole DOM
/// otherwise. Both ways must give the same site: every page the same tree, every other file (the search index, made
/// from the pages' search text, among them) the same bytes.
/// </summary>
public sealed class PostProcessingEquivalenceTests
{
    public static TheoryData<string> Sites => new() { "default", "kleine-site" };

    [Theory]
    [MemberData(nameof(Sites))]
    public void A_site_post_processed_from_tokens_equals_the_site_post_processed_as_a_tree(string name)
    {
        using var site = name == "default" ? TestSite.FromDefaultContent() : TestSite.FromFixture(name);
        var fromTokens = Path.Combine(site.Root, "from-tokens");
        var asTree = Path.Combine(site.Root, "as-tree");
        var tokenBuild = new SiteBuilder().Build(new BuildOptions(site.Root, fromTokens, Today: TestSite.Today, UseCache: false));
        var treeBuild = new SiteBuilder().Build(new BuildOptions(site.Root, asTree, Today: TestSite.Today, UseCache: false) { PostProcessWithTree = true });
        Assert.True(tokenBuild.Succeeded && treeBuild.Succeeded);
        Console.Error.WriteLine($"[{name}] tree pages: {tokenBuild.PagesPostProcessedAsTree} of {treeBuild.PagesPostProcessedAsTree}");

        var files = Directory.GetFiles(asTree, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(asTree, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(fromTokens, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(fromTokens, f)).Order(StringComparer.Ordinal));
        var pages = 0;
        foreach (var file in files)
        {
            var tree = File.ReadAllBytes(Path.Combine(asTree, file));
            var tokens = File.ReadAllBytes(Path.Combine(fromTokens, file));
            if (file.EndsWith(".html", StringComparison.Ordinal))
            {
                pages++;
                Assert.True(Reserialised(tree) == Reserialised(tokens), $"{file} differs:\n{FirstDifference(Reserialised(tree), Reserialised(tokens))}");
            }
            else Assert.True(tree.AsSpan().SequenceEqual(tokens), $"{file} differs");
        }
        Assert.True(pages > 5);
    }

    private static string Reserialised(byte[] html)
    {
        var document = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(html));
        var output = new StringWriter();
        document.DocumentElement.ToHtml(output, PageHtmlFormatter.Instance);
        return output.ToString();
    }

    private static string FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        if (i == Math.Min(a.Length, b.Length)) return $"one ends at {i}: tree {a.Length} characters, tokens {b.Length}: «{(a.Length > b.Length ? a[i..] : b[i..]).ReplaceLineEndings("⏎")}»";
        var from = Math.Max(0, i - 200);
        return $"tree:   …{a[from..Math.Min(a.Length, i + 200)]}\ntokens: …{b[from..Math.Min(b.Length, i + 200)]}";
    }
}
