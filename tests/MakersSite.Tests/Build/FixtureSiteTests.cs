using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

/// <summary>The fixture site in tests/fixtures/kleine-site, built with the repository's default theme.</summary>
public sealed class FixtureSiteTests
{
    [Fact]
    public void The_small_fixture_site_builds_with_its_own_footer_partial()
    {
        using var site = TestSite.FromFixture("kleine-site");
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var company = site.Html("bedrijven/gieterij-test/index.html");
        Assert.Equal("Gieterij Test", company.QuerySelector("h1")!.TextContent);
        Assert.Equal("Eigen voettekst van Kleine site", company.QuerySelector("#eigen-voettekst")!.TextContent);
        Assert.Equal(["Proefproject"], company.QuerySelectorAll("#rel-projecten ~ ul a").Select(a => a.TextContent));
        Assert.Equal("wat-we-maken", company.QuerySelector(".prose h2")!.Id);
    }
}
