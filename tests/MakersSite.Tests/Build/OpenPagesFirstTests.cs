using MakersSite.Build;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Build;

/// <summary>
/// serve builds the pages open in a browser first and puts them out at once; if the build then fails, they are put
/// back, so the output is still the last good site.
/// </summary>
public sealed class OpenPagesFirstTests : IDisposable
{
    private readonly TestSite _site = TestSite.Create(
        ("content/bedrijven/testfabriek/index.md", Fixtures.Company()),
        ("content/bedrijven/tweede/index.md", Fixtures.Company(title: "Tweede fabriek")));

    private string Read(string relative) => File.ReadAllText(Path.Combine(_site.Output, relative));

    private BuildResult Build(Action? openPagesPublished) =>
        new SiteBuilder().Build(new BuildOptions(_site.Root, Today: TestSite.Today)
        {
            Mode = BuildMode.Serve,
            Serve = new ServeState(new MakersSite.Build.Caching.BuildCache(Path.Combine(_site.Root, ".cache", "build")), new(), new(), Environment.ProcessorCount)
            {
                Observer = new OpenPageObserver(openPagesPublished),
            },
        });

    private sealed class OpenPageObserver(Action? openPagesPublished) : IBuildObserver
    {
        public IReadOnlySet<string> OpenPages() => new HashSet<string> { "/bedrijven/testfabriek/" };
        public void OpenPagesPublished() => openPagesPublished?.Invoke();
        public void PagesPublished() { }
    }

    [Fact]
    public void The_open_page_is_in_the_output_before_the_pages_that_list_it()
    {
        Assert.True(_site.Build().Succeeded);
        _site.Write("content/bedrijven/testfabriek/index.md", Fixtures.Company(title: "Testfabriek Vernieuwd"));
        string? pageThen = null, listThen = null;

        var result = Build(() =>
        {
            pageThen = Read("bedrijven/testfabriek/index.html");
            listThen = Read("bedrijven/index.html");
        });

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains("Testfabriek Vernieuwd", pageThen);
        Assert.DoesNotContain("Testfabriek Vernieuwd", listThen);
        Assert.Contains("Testfabriek Vernieuwd", Read("bedrijven/index.html"));
    }

    [Fact]
    public void When_the_build_fails_after_the_open_page_went_out_the_page_is_put_back()
    {
        Assert.True(_site.Build().Succeeded);
        var before = TestSite.Snapshot(_site.Output);
        _site.Write("content/bedrijven/testfabriek/index.md", Fixtures.Company(title: "Testfabriek Vernieuwd"));
        // Another page gets a broken link: found only when that page is post-processed, after the open page went out.
        _site.Write("content/bedrijven/tweede/index.md", Fixtures.Company(title: "Tweede fabriek", body: "Zie [de hal](/bedrijven/bestaat-niet/)."));
        string? pageThen = null;

        var result = Build(() => pageThen = Read("bedrijven/testfabriek/index.html"));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.File == "content/bedrijven/tweede/index.md" && d.Message.Contains("/bedrijven/bestaat-niet/"));
        Assert.Contains("Testfabriek Vernieuwd", pageThen);
        Assert.Equal(before, TestSite.Snapshot(_site.Output));
    }

    [Fact]
    public void An_open_page_with_a_broken_link_of_its_own_does_not_go_out_early()
    {
        Assert.True(_site.Build().Succeeded);
        var before = TestSite.Snapshot(_site.Output);
        _site.Write("content/bedrijven/testfabriek/index.md", Fixtures.Company(body: "Zie [de hal](/bedrijven/bestaat-niet/)."));
        var published = false;

        var result = Build(() => published = true);

        Assert.False(result.Succeeded);
        Assert.False(published);
        Assert.Equal(before, TestSite.Snapshot(_site.Output));
    }

    public void Dispose() => _site.Dispose();
}
