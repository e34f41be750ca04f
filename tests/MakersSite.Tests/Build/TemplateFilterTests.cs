using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

public sealed class TemplateFilterTests
{
    [Fact]
    public void Dates_print_in_dutch_words()
    {
        using var site = TestSite.Create(("content/kennisbank/les/index.md", Fixtures.Lesson()));
        Assert.True(site.Build().Succeeded);

        var time = site.Html("kennisbank/les/index.html").QuerySelector("main time")!;
        Assert.Equal("1 maart 2024", time.TextContent);
        Assert.Equal("2024-03-01", time.GetAttribute("datetime"));
    }
}
