using MakersSite.Build;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

/// <summary>
/// Pages are post-processed from AngleSharp's tokens when their tags nest as written, and through a whole DOM
/// otherwise. Both ways must give the same site byte for byte: every page, and every other file (the search index,
/// made from the pages' search text, among them).
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
        var tokenBuild = new SiteBuilder().Build(new BuildOptions(site.Root, fromTokens, Today: TestSite.Today) { Reuse = Reuse.Nothing });
        var treeBuild = new SiteBuilder(null, new BuildTestSwitches { PostProcessWithTree = true }).Build(new BuildOptions(site.Root, asTree, Today: TestSite.Today) { Reuse = Reuse.Nothing });
        Assert.True(tokenBuild.Succeeded && treeBuild.Succeeded);

        Assert.Equal(TestSite.Snapshot(asTree), TestSite.Snapshot(fromTokens));
        // Most pages did go the token way: only those with a glossary (the Rugzak topics) or a <noscript> (the search
        // page, the pupil's own Rugzak) took the tree.
        Assert.Equal(treeBuild.PageCount, treeBuild.Counters.PagesPostProcessedAsTree);
        Assert.InRange(tokenBuild.Counters.PagesPostProcessedAsTree, 1, tokenBuild.PageCount / 4);
        // and every page the templates and Markdig write keeps to the HTML the fast scanner reads.
        Assert.Equal(0, tokenBuild.Counters.PagesTokenizedByAngleSharp);
    }
}
