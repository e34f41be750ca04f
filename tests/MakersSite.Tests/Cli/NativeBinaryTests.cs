using System.Diagnostics;
using System.Globalization;
using MakersSite.Tests.Infrastructure;
using MakersSite.Tests.Validation;

namespace MakersSite.Tests.Cli;

/// <summary>makers-site published as the workflows and the launcher publish it: one native executable (Native AOT), compiled once for these tests.</summary>
public sealed class NativeBinary : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("makers-site-native-").FullName;
    private readonly Lazy<string> _path;

    public NativeBinary() => _path = new(Publish);

    /// <summary>The executable, published on first use.</summary>
    public string Path => _path.Value;

    private string Publish()
    {
        var publish = NativeBinaryTests.Run("dotnet", Repository.Root, [], "publish", "src/MakersSite.Cli", "-c", "Release", "-o", _folder, "-nologo");
        Assert.True(publish.ExitCode == 0, publish.Output);
        // Zero trim and AOT warnings, TreatWarningsAsErrors or not.
        Assert.DoesNotContain("warning IL", publish.Output, StringComparison.Ordinal);
        return System.IO.Path.Combine(_folder, "makers-site");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>The native binary does what the JIT build (the generator the other tests run) does, byte for byte.</summary>
public sealed class NativeBinaryTests(NativeBinary native) : IClassFixture<NativeBinary>
{
    // The tests' fixed day, given the way a reproducible build gives it.
    private static readonly (string, string)[] TestDay =
        [("SOURCE_DATE_EPOCH", new DateTimeOffset(TestSite.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))];

    [Fact]
    public void It_is_one_native_executable_and_the_workflows_and_the_launcher_use_it()
    {
        var header = new byte[4];
        using (var file = File.OpenRead(native.Path)) file.ReadExactly(header);
        Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], header);
        Assert.False(File.Exists(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(native.Path)!, "makers-site.dll")));

        var launcher = File.ReadAllText(System.IO.Path.Combine(Repository.Root, "makers-site"));
        Assert.Contains("dotnet publish \"$repo/src/MakersSite.Cli\" -c Release", launcher, StringComparison.Ordinal);
        Assert.Contains("exec \"$bin/makers-site\" \"$@\"", launcher, StringComparison.Ordinal);
        foreach (var workflow in new[] { "pages.yml", "pull-request.yml" })
        {
            var lines = File.ReadAllLines(System.IO.Path.Combine(Repository.Root, ".github", "workflows", workflow)).Select(l => l.Trim()).ToList();
            Assert.Contains(lines, l => l.EndsWith("run: ./makers-site build", StringComparison.Ordinal));
        }
    }

    public static TheoryData<string> Sites => new("default", "kleine-site", "synthetisch");

    [Theory]
    [MemberData(nameof(Sites))]
    public void It_builds_the_same_site(string name)
    {
        // Two copies, so neither build finds anything of the other's in its .cache/.
        using var reference = Site(name);
        Assert.True(reference.Build().Succeeded);
        using var site = Site(name);
        var build = Run(native.Path, site.Root, TestDay, "build");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Equal(TestSite.Snapshot(reference.Output), TestSite.Snapshot(site.Output));

        // And the quick rebuild after an edit, which patches the search index and the share images.
        foreach (var copy in new[] { reference, site })
            copy.Write("content/index.md", File.ReadAllText(System.IO.Path.Combine(copy.Root, "content", "index.md")) + "\nNog een zin over vakmanschap.\n");
        Assert.True(reference.Build().Succeeded);
        var rebuild = Run(native.Path, site.Root, TestDay, "build");
        Assert.True(rebuild.ExitCode == 0, rebuild.Output);
        Assert.Equal(TestSite.Snapshot(reference.Output), TestSite.Snapshot(site.Output));
    }

    public static TheoryData<InvalidCase> Cases => new(InvalidContentCases.All.Where(c => c.Name != "not utf-8"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_gives_the_same_message(InvalidCase @case)
    {
        using var site = TestSite.Create(("content/flats/techniek/index.md", Fixtures.Flat()), ("content/projecten/lean-academy/index.md", Fixtures.Project()));
        site.Write(@case.Path, @case.Content);
        site.Write("content/bedrijven/testfabriek/notities.txt", "geen plaatje");

        var check = Run(native.Path, site.Root, [], "check");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains(@case.Expected, check.Output, StringComparison.Ordinal);
        var jit = new StringWriter();
        Assert.Equal(1, MakersSite.Cli.CommandLine.Run(["check", "--root", site.Root], jit, jit));
        Assert.Equal(jit.ToString().Trim(), check.Output.Trim());
    }

    [Fact]
    public async Task It_serves_the_site_and_stops_cleanly()
    {
        using var site = TestSite.FromDefaultContent();
        var build = Run(native.Path, site.Root, [], "build");
        Assert.True(build.ExitCode == 0, build.Output);
        var port = ServeProcessTests.FreePort();
        using var serve = await ServeProcessTests.StartServeAsync(site.Root, site.Root, port, native.Path);
        try
        {
            using var http = new HttpClient();
            // The page as served (with the preview's reload script) holds the page as built.
            var parser = new AngleSharp.Html.Parser.HtmlParser();
            var served = parser.ParseDocument(await http.GetStringAsync($"http://127.0.0.1:{port}/bedrijven/"));
            var built = parser.ParseDocument(File.ReadAllText(System.IO.Path.Combine(site.Output, "bedrijven", "index.html")));
            Assert.NotNull(built.QuerySelector("main h1"));
            Assert.Equal(built.QuerySelector("main")!.OuterHtml, served.QuerySelector("main")!.OuterHtml);

            using (var kill = Process.Start("kill", ["-TERM", serve.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await serve.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, serve.ExitCode);
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
        }
    }

    private static TestSite Site(string name)
    {
        if (name == "kleine-site") return TestSite.FromFixture(name);
        var site = TestSite.FromDefaultContent();
        if (name == "synthetisch")
        {
            for (var i = 0; i < 150; i++)
            {
                site.Write($"content/kennisbank/proef-{i:000}/index.md",
                    $"---\ntitle: \"Proefartikel {i}\"\nsummary: \"Wat maakbedrijf {i} leerde van samenwerken.\"\ndate: 2026-11-22\nlessons:\n  - \"Een les.\"\n  - \"Nog een les.\"\n  - \"Een derde les.\"\nsources:\n  - title: \"Een verslag\"\n---\n" +
                    string.Join("\n\n", Enumerable.Range(0, 12).Select(p => $"Alinea {p}: de productielijnen van bedrijf {i % 17} werken met lasrobots, kwaliteitscontroles en vakmanschap ({i * p})."))
                    + $"\n\n## Wat we meenamen {i}\n\n- samenwerking\n- opleiding\n");
            }
        }
        return site;
    }

    internal static (int ExitCode, string Output) Run(string program, string workingDirectory, (string Name, string Value)[] environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within 10 minutes.");
        }
        return (process.ExitCode, output.Result + error.Result);
    }
}
