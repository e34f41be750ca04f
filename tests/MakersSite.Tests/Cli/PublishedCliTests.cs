using System.Diagnostics;
using System.Reflection.PortableExecutable;
using MakersSite.Tests.Infrastructure;

namespace MakersSite.Tests.Cli;

/// <summary>
/// makers-site as the publish workflow runs it: published ahead of time (ReadyToRun) from a checkout, then started as
/// its own process. It must build the same site, byte for byte, as the generator the other tests run.
/// </summary>
public sealed class PublishedCliTests : IDisposable
{
    private readonly string _published = Directory.CreateTempSubdirectory("makers-site-published-").FullName;

    [Fact]
    public void The_workflows_published_generator_is_compiled_ahead_of_time_and_builds_the_same_site()
    {
        var workflow = File.ReadAllText(Path.Combine(Repository.Root, ".github", "workflows", "pages.yml")).Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains("- run: dotnet publish -c Release src/MakersSite.Cli -o \"$RUNNER_TEMP/makers-site\"", workflow);
        Assert.Contains("- run: dotnet \"$RUNNER_TEMP/makers-site/makers-site.dll\" build", workflow);

        var publish = Run(Repository.Root, [], "publish", "-c", "Release", "src/MakersSite.Cli", "-o", _published, "-nologo");
        Assert.True(publish.ExitCode == 0, publish.Output);
        var generator = Path.Combine(_published, "makers-site.dll");
        foreach (var assembly in new[] { generator, Path.Combine(_published, "MakersSite.Build.dll"), Path.Combine(_published, "AngleSharp.dll") })
        {
            using var pe = new PEReader(File.OpenRead(assembly));
            // A ReadyToRun image carries native code beside its IL, announced in the CLI header.
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{Path.GetFileName(assembly)} is not compiled ahead of time");
        }

        // Two copies of the default site, so neither build finds anything of the other's in its .cache/.
        using var reference = TestSite.FromDefaultContent();
        Assert.True(reference.Build().Succeeded);
        using var site = TestSite.FromDefaultContent();
        // The tests' fixed day, given the way a reproducible build gives it.
        var day = new DateTimeOffset(TestSite.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero).ToUnixTimeSeconds();
        var build = Run(site.Root, [("SOURCE_DATE_EPOCH", day.ToString(System.Globalization.CultureInfo.InvariantCulture))], generator, "build");

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Equal(TestSite.Snapshot(reference.Output), TestSite.Snapshot(site.Output));
    }

    private static (int ExitCode, string Output) Run(string workingDirectory, (string Name, string Value)[] environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within 10 minutes.");
        }
        return (process.ExitCode, output.Result + error.Result);
    }

    public void Dispose() => Directory.Delete(_published, recursive: true);
}
