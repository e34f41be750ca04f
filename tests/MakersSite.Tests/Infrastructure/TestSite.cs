using System.Security.Cryptography;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MakersSite.Build;

namespace MakersSite.Tests.Infrastructure;

/// <summary>
/// A whole site declared inside a test (after Hugo's integration tests): files are written into a temporary
/// directory with the real default theme, built with the real pipeline, and read back as parsed HTML.
/// </summary>
public sealed class TestSite : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "makers-site-test-" + Guid.NewGuid().ToString("N"));
    public string Output => Path.Combine(Root, "public");

    public const string SiteYml = """
        title: "Testsite"
        baseUrl: "https://test.example.nl/"
        language: "nl"
        description: "Een site voor tests."
        menus:
          main:
            - title: "Bedrijven"
              url: "/bedrijven/"
        """;

    public const string Municipalities = "- slug: venlo\n  name: Venlo\n- slug: venray\n  name: Venray\n";
    public const string Sectors = "- slug: machinebouw\n  name: Machinebouw\n- slug: metaal\n  name: Metaal\n";
    public const string Aspects = "- slug: productie\n  name: Productie\n- slug: logistiek\n  name: Logistiek\n";

    private TestSite() { }

    /// <summary>The default theme, with its installed npm packages linked rather than copied (they are large).</summary>
    private void CopyDefaultTheme()
    {
        var theme = Path.Combine(Root, "themes", "default");
        Repository.CopyDirectory(Path.Combine(Repository.Root, "themes", "default"), theme);
        var modules = Path.Combine(Repository.Root, "themes", "default", "node_modules");
        if (Directory.Exists(modules)) Directory.CreateSymbolicLink(Path.Combine(theme, "node_modules"), modules);
    }

    /// <summary>A minimal valid site (config, vocabularies, home page, the default theme) plus the given files.</summary>
    public static TestSite Create(params (string Path, string Text)[] files)
    {
        var site = new TestSite();
        site.CopyDefaultTheme();
        site.Write("content/site.yml", SiteYml);
        site.Write("content/_data/municipalities.yml", Municipalities);
        site.Write("content/_data/sectors.yml", Sectors);
        site.Write("content/_data/aspects.yml", Aspects);
        site.Write("content/index.md", "---\ntitle: \"Home\"\n---\nWelkom.\n");
        foreach (var (path, text) in files) site.Write(path, text);
        return site;
    }

    /// <summary>The repository's own default site (content and theme), copied so tests never touch the checkout.</summary>
    public static TestSite FromDefaultContent()
    {
        var site = new TestSite();
        Repository.CopyDirectory(Path.Combine(Repository.Root, "content"), Path.Combine(site.Root, "content"));
        site.CopyDefaultTheme();
        return site;
    }

    /// <summary>The default content plus the two companies with vacancies of tests/fixtures/zoeken (for search).</summary>
    public static TestSite FromDefaultContentForSearch()
    {
        var site = FromDefaultContent();
        Repository.CopyDirectory(Path.Combine(Repository.Root, "tests", "fixtures", "zoeken", "content"), Path.Combine(site.Root, "content"));
        return site;
    }

    /// <summary>A site from tests/fixtures/NAME with the repository's default theme.</summary>
    public static TestSite FromFixture(string name)
    {
        var site = new TestSite();
        Repository.CopyDirectory(Path.Combine(Repository.Root, "tests", "fixtures", name), site.Root);
        site.CopyDefaultTheme();
        return site;
    }

    public TestSite Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public TestSite WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    /// <summary>Tests build "on" a fixed day so expiry warnings do not change with the calendar.</summary>
    public static readonly DateOnly Today = new(2026, 11, 22);

    public BuildResult Build(string? output = null, bool drafts = false, DateOnly? today = null) =>
        new SiteBuilder(null, new BuildTestSwitches { KeepSearchIndex = true }).Build(new BuildOptions(Root, output, IncludeDrafts: drafts, Today: today ?? Today));

    public BuildResult Check(DateOnly? today = null) =>
        new SiteBuilder().Build(new BuildOptions(Root, Today: today ?? Today) { Mode = BuildMode.Check });

    public IDocument Html(string relativePath, string? output = null) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output ?? Output, relativePath)));

    /// <summary>
    /// Builds the site from scratch (no cache, an empty folder Root/clean) and asserts that <see cref="Output"/> is the
    /// same tree byte for byte, naming the files that differ.
    /// </summary>
    public void AssertOutputEqualsCleanBuild()
    {
        var clean = Path.Combine(Root, "clean");
        if (Directory.Exists(clean)) Directory.Delete(clean, recursive: true);
        var result = new SiteBuilder().Build(new BuildOptions(Root, clean, Today: Today) { Reuse = Reuse.Nothing });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(0, result.PagesFromCache);
        var expected = Snapshot(clean);
        var actual = Snapshot(Output);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.Equal([], expected.Where(f => actual[f.Key] != f.Value).Select(f => f.Key));
    }

    /// <summary>Relative path → SHA-256 of every file under a directory, to compare trees byte for byte.</summary>
    public static SortedDictionary<string, string> Snapshot(string directory)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(directory, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        return result;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
