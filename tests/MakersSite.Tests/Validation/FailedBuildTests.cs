using MakersSite.Cli;
using MakersSite.Content.Diagnostics;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Validation;

/// <summary>
/// Every kind of bad input, given to the real command line: exit code 1, the message on stderr,
/// and the public/ of the last good build left exactly as it was.
/// </summary>
public sealed class FailedBuildTests
{
    public static TheoryData<InvalidCase> Cases => new(InvalidContentCases.All);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_exits_with_1_and_leaves_public_untouched(InvalidCase @case)
    {
        using var site = GoodSiteBuiltOnce(out var before);
        if (@case.Name == "not utf-8")
            site.WriteBytes(@case.Path, [.. System.Text.Encoding.UTF8.GetBytes("---\ntitle: \"Caf"), 0xE9, .. "\"\n---\n"u8]);
        else
            site.Write(@case.Path, @case.Content);
        site.Write("content/bedrijven/testfabriek/notities.txt", "geen plaatje");

        var (exit, stderr) = BuildWithCli(site);

        Assert.Equal(CommandLine.ContentErrors, exit);
        if (@case.Expected.Length > 0) Assert.Contains(@case.Expected, stderr);
        Assert.Contains("Build mislukt", stderr);
        Assert.Equal(before, TestSite.Snapshot(site.Output));
    }

    [Fact]
    public void An_image_over_5_MB_is_refused_and_public_stays_untouched()
    {
        using var site = GoodSiteBuiltOnce(out var before);
        var png = new byte[5 * 1024 * 1024 + 1];
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(png, 0);
        site.WriteBytes("content/bedrijven/testfabriek/logo.png", png);
        site.Write("content/bedrijven/testfabriek/index.md", Fixtures.Company(extra: "logo: logo.png"));

        var (exit, stderr) = BuildWithCli(site);

        Assert.Equal(CommandLine.ContentErrors, exit);
        Assert.Contains("content/bedrijven/testfabriek/index.md:8:7: fout [logo]: 'logo.png' is 5.0 MB; een afbeelding mag hoogstens 5 MB zijn. Verklein de afbeelding.", stderr);
        Assert.Equal(before, TestSite.Snapshot(site.Output));
    }

    [Fact]
    public void Duplicate_slugs_differing_in_case_fail_the_build_and_public_stays_untouched()
    {
        using var site = GoodSiteBuiltOnce(out var before);
        site.Write("content/bedrijven/Testfabriek/index.md", Fixtures.Company());

        var (exit, _) = BuildWithCli(site);

        Assert.Equal(CommandLine.ContentErrors, exit);
        Assert.Equal(before, TestSite.Snapshot(site.Output));
    }

    [Fact]
    public void A_build_never_runs_without_the_cache_lock_it_waits_then_fails_and_public_stays_untouched()
    {
        using var site = GoodSiteBuiltOnce(out var before);
        site.Write("content/bedrijven/testfabriek/index.md", Fixtures.Company(body: "Nieuwe tekst."));
        var holder = new MakersSite.Build.Caching.BuildCache(Path.Combine(site.Root, ".cache", "build"));
        Assert.True(holder.BeginBuild());
        try
        {
            var waiting = new List<string>();
            var cache = new MakersSite.Build.Caching.BuildCache(Path.Combine(site.Root, ".cache", "build")) { LockPatience = TimeSpan.FromMilliseconds(300) };
            var result = new MakersSite.Build.SiteBuilder(waiting.Add, new MakersSite.Build.BuildTestSwitches { Cache = cache }).Build(new MakersSite.Build.BuildOptions(site.Root, Today: TestSite.Today));

            Assert.False(result.Succeeded);
            Assert.Equal([".cache/build/lock: fout: De bouwcache (.cache/build) bleef 0,3 seconden in gebruik door een andere build of 'serve'. " +
                "Deze build is gestopt zonder iets te veranderen: stop de andere of wacht tot die klaar is, en probeer het opnieuw."],
                result.Diagnostics.Select(DiagnosticFormatter.Text));
            Assert.Equal(["Een andere build of 'serve' gebruikt de bouwcache (.cache/build); wachten tot die klaar is"], waiting);
            Assert.Equal(before, TestSite.Snapshot(site.Output));
        }
        finally
        {
            holder.EndBuild(prune: false);
        }
        // Once the cache is free the same build goes through.
        Assert.Equal(CommandLine.Success, BuildWithCli(site).Exit);
        Assert.Contains("Nieuwe tekst.", File.ReadAllText(Path.Combine(site.Output, "bedrijven", "testfabriek", "index.html")));
    }

    private static TestSite GoodSiteBuiltOnce(out SortedDictionary<string, string> snapshot)
    {
        var site = TestSite.Create(
            ("content/flats/techniek/index.md", Fixtures.Flat()),
            ("content/projecten/lean-academy/index.md", Fixtures.Project()),
            ("content/bedrijven/testfabriek/index.md", Fixtures.Company()));
        var (exit, stderr) = BuildWithCli(site);
        Assert.True(exit == CommandLine.Success, stderr);
        snapshot = TestSite.Snapshot(site.Output);
        Assert.NotEmpty(snapshot);
        return site;
    }

    private static (int Exit, string Stderr) BuildWithCli(TestSite site)
    {
        var stderr = new StringWriter();
        var exit = CommandLine.Run(["build", "--root", site.Root], new StringWriter(), stderr);
        return (exit, stderr.ToString());
    }
}
