using MakersSite.Cli;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Cli;

public sealed class CommandLineTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Help_exits_zero_and_no_arguments_is_a_usage_error()
    {
        Assert.Equal(0, Run("--help").Code);
        Assert.Equal(0, Run("build", "--help").Code);
        Assert.Contains("--base-url", Run("build", "--help").Out);
        Assert.Equal(0, Run("check", "--help").Code);
        Assert.Equal(2, Run().Code);
    }

    [Theory]
    [InlineData("bouw")]
    [InlineData("build", "--onbekend")]
    [InlineData("build", "--root")]
    [InlineData("check", "--format", "xml")]
    [InlineData("build", "--root", "/bestaat/niet")]
    public void Usage_errors_exit_two(params string[] args)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.False(string.IsNullOrWhiteSpace(err));
    }

    [Fact]
    public void Build_exits_zero_on_valid_content_and_one_on_content_errors()
    {
        using var site = TestSite.Create(("content/bedrijven/testfabriek/index.md", Fixtures.Company()));
        Assert.Equal(0, Run("build", "--root", site.Root).Code);
        Assert.True(File.Exists(Path.Combine(site.Output, "bedrijven", "testfabriek", "index.html")));

        site.Write("content/bedrijven/testfabriek/index.md", Fixtures.Company().Replace("venlo", "nergens"));
        var (code, _, err) = Run("build", "--root", site.Root);
        Assert.Equal(1, code);
        Assert.Contains("content/bedrijven/testfabriek/index.md:5:15: fout [municipality]", err);
    }

    [Fact]
    public void A_build_after_an_edited_text_says_it_was_quick_and_full_skips_that()
    {
        using var site = TestSite.Create(("content/bedrijven/testfabriek/index.md", Fixtures.Company()));
        Assert.Equal(0, Run("build", "--root", site.Root).Code);
        site.Write("content/bedrijven/testfabriek/index.md", Fixtures.Company(body: "Wij maken machines en robots."));

        var (code, output, _) = Run("build", "--root", site.Root);

        Assert.Equal(0, code);
        Assert.Matches(@"in \d+ ms \(snelle herbouw: alleen de tekst van 1 pagina gewijzigd, \d+ bestanden nieuw of gewijzigd\)\.", output);
        Assert.Contains("robots", site.Html("bedrijven/testfabriek/index.html").QuerySelector("main")!.TextContent);
        site.Write("content/bedrijven/testfabriek/index.md", Fixtures.Company(body: "Wij maken machines, robots en software."));
        var full = Run("build", "--root", site.Root, "--full");
        Assert.Matches(@"\(\d+ bronbestanden en \d+ pagina's uit de cache, \d+ bestanden nieuw of gewijzigd\)\.", full.Out);
        Assert.Contains("software", site.Html("bedrijven/testfabriek/index.html").QuerySelector("main")!.TextContent);
    }

    [Fact]
    public void Build_with_base_url_and_output_writes_there_with_that_canonical()
    {
        using var site = TestSite.Create();
        var output = Path.Combine(site.Root, "elders");
        Assert.Equal(0, Run("build", "--root", site.Root, "--output", output, "--base-url", "https://preview.example.nl/").Code);
        Assert.Equal("https://preview.example.nl/", site.Html("index.html", output).QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public void Check_writes_nothing_and_speaks_github_annotations()
    {
        using var site = TestSite.Create(("content/bedrijven/testfabriek/index.md", Fixtures.Company().Replace("venlo", "nergens")));
        var (code, output, _) = Run("check", "--root", site.Root, "--format", "github");
        Assert.Equal(1, code);
        Assert.StartsWith("::error file=content/bedrijven/testfabriek/index.md,line=5,col=15,title=municipality::'nergens' is geen", output);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Check_on_the_repository_default_content_exits_zero()
    {
        var (code, output, _) = Run("check", "--root", Repository.Root);
        Assert.Equal(0, code);
        Assert.Matches(@"^Alles in orde: \d+ pagina's gecontroleerd\. 0 fouten, 0 waarschuwingen\.\n$", output);
    }
}
