using System.Diagnostics;
using System.Globalization;
using MakersSite.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MakersSite.Tests.Cli;

/// <summary>
/// The build as CI runs it, killed the way a cancelled job or a crash kills it (SIGKILL, no chance to clean up), at
/// moments spread over the whole build and packed into the write at its end.
/// </summary>
public sealed class InterruptedBuildTests(ITestOutputHelper log)
{
    private const int Trials = 28;
    private const int CommitTrials = 10;

    [Fact]
    public async Task A_build_killed_at_any_moment_leaves_the_output_old_or_new_and_the_next_build_completes_it()
    {
        if (!OperatingSystem.IsLinux()) return; // cp -a and kill -9
        using var site = TestSite.FromDefaultContent();
        // Enough pages that rendering, the search index and the write each take a while.
        for (var i = 0; i < 60; i++) site.Write($"content/kennisbank/artikel-{i:00}/index.md", Article(i, "eerste"));
        var first = await Build(site.Root);
        Assert.True(first.ExitCode == 0, first.Output);
        var oldTree = TestSite.Snapshot(site.Output);

        // The template every trial starts from: the built site with its cache, times kept (the output manifest checks them).
        var template = site.Root + "-template";
        var trial = site.Root + "-trial";
        var expected = site.Root + "-expected";
        try
        {
            Copy(site.Root, template);
            // The change: every page (the site's name is on each), one article more, one fewer.
            void Change(string root)
            {
                var config = Path.Combine(root, "content", "site.yml");
                File.WriteAllText(config, File.ReadAllText(config).Replace("title: \"Land van de Makers\"", "title: \"Land van de Makers (nieuw)\"", StringComparison.Ordinal));
                Directory.Delete(Path.Combine(root, "content", "kennisbank", "artikel-00"), recursive: true);
                Directory.CreateDirectory(Path.Combine(root, "content", "kennisbank", "artikel-nieuw"));
                File.WriteAllText(Path.Combine(root, "content", "kennisbank", "artikel-nieuw", "index.md"), Article(99, "nieuwe"));
            }
            Copy(template, expected);
            Change(expected);
            var clock = Stopwatch.StartNew();
            Assert.Equal(0, (await Build(expected)).ExitCode);
            var duration = clock.Elapsed;
            var newTree = TestSite.Snapshot(Path.Combine(expected, "public"));
            Assert.NotEqual(oldTree.Keys, newTree.Keys);

            var outcomes = new List<string>();
            for (var k = 0; k < Trials; k++)
            {
                if (Directory.Exists(trial)) Directory.Delete(trial, recursive: true);
                Copy(template, trial);
                Change(trial);
                // Most trials at moments spread over the build; the rest just after the write began.
                var killed = k < Trials - CommitTrials
                    ? await Build(trial, killAfter: duration * (k + 0.5) / (Trials - CommitTrials))
                    : await Build(trial, killAfter: TimeSpan.FromMilliseconds((k - (Trials - CommitTrials)) * 3), afterLine: "schrijven");
                var output = Path.Combine(trial, "public");
                var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)).ToList();
                Assert.DoesNotContain(files, f => f.Contains("makers-site", StringComparison.Ordinal));
                var state = TestSite.Snapshot(output);
                var outcome = Same(state, oldTree) ? "oud" : Same(state, newTree) ? "nieuw"
                    : File.Exists(Path.Combine(trial, ".public.makers-site-staging", "journal")) ? "journaal" : "gemengd";
                outcomes.Add($"{k}: {outcome} (exit {killed.ExitCode})");
                Assert.True(outcome != "gemengd", string.Join("\n", outcomes));

                var repaired = await Build(trial);
                Assert.True(repaired.ExitCode == 0, repaired.Output);
                Assert.True(Same(TestSite.Snapshot(output), newTree), $"trial {k}: the next build did not give the new site");
                Assert.False(Directory.Exists(Path.Combine(trial, ".public.makers-site-staging")));
            }
            log.WriteLine(string.Join("\n", outcomes));
            // The trials did reach both sides of the commit.
            Assert.Contains(outcomes, o => o.Contains(": oud", StringComparison.Ordinal));
            Assert.Contains(outcomes, o => o.Contains(": nieuw", StringComparison.Ordinal) || o.Contains(": journaal", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var folder in new[] { template, trial, expected })
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task A_build_stopped_by_a_signal_says_so_leaves_the_output_as_it_was_and_no_staging(string signal, int exitCode)
    {
        if (!OperatingSystem.IsLinux()) return;
        using var site = TestSite.FromDefaultContent();
        for (var i = 0; i < 60; i++) site.Write($"content/kennisbank/artikel-{i:00}/index.md", Article(i, "eerste"));
        Assert.Equal(0, (await Build(site.Root)).ExitCode);
        var before = TestSite.Snapshot(site.Output);
        site.Write("content/site.yml", File.ReadAllText(Path.Combine(site.Root, "content", "site.yml")).Replace("title: \"Land van de Makers\"", "title: \"Anders\"", StringComparison.Ordinal));

        var stopped = await Build(site.Root, killAfter: TimeSpan.Zero, afterLine: "renderen en nabewerken", signal: signal);

        Assert.True(stopped.ExitCode == exitCode, stopped.Output);
        Assert.Contains("De build is onderbroken (Ctrl+C of een stopsignaal).", stopped.Output);
        Assert.True(Same(TestSite.Snapshot(site.Output), before));
        Assert.False(Directory.Exists(Path.Combine(site.Root, ".public.makers-site-staging")));
    }

    private static string Article(int i, string word) =>
        $"---\ntitle: \"Artikel {i}\"\nsummary: \"Een {word} samenvatting van artikel {i}.\"\ndate: 2026-11-22\nlessons:\n  - \"Een les.\"\n  - \"Nog een les.\"\n  - \"Een derde les.\"\nsources:\n  - title: \"Een verslag\"\n---\n" +
        string.Join("\n\n", Enumerable.Range(0, 30).Select(p => $"Alinea {p} van het {word} artikel {i}: maakbedrijven in Noord-Limburg werken samen aan vakmanschap."));

    private static bool Same(SortedDictionary<string, string> a, SortedDictionary<string, string> b) =>
        a.Count == b.Count && a.All(f => b.TryGetValue(f.Key, out var hash) && hash == f.Value);

    private static void Copy(string source, string target)
    {
        using var copy = Process.Start("cp", ["-a", source, target])!;
        copy.WaitForExit();
        Assert.Equal(0, copy.ExitCode);
    }

    /// <summary>Runs the command line's build; with <paramref name="killAfter"/>, sends it <paramref name="signal"/> that long after its start, or after a progress line.</summary>
    private static async Task<(int ExitCode, string Output)> Build(string root, TimeSpan? killAfter = null, string? afterLine = null, string signal = "KILL")
    {
        // A build started in the background inherits an ignored SIGINT, as a shell's background jobs do: reset it, so
        // the build meets Ctrl+C as in a terminal however the tests were started (env execs, keeping the process id).
        var start = new ProcessStartInfo("env")
        {
            ArgumentList = { "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "makers-site.dll"), "build", "--root", root },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var build = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var lineSeen = new TaskCompletionSource();
        build.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        build.ErrorDataReceived += (_, e) =>
        {
            lock (output) output.AppendLine(e.Data);
            if (afterLine is not null && e.Data?.EndsWith(" " + afterLine, StringComparison.Ordinal) == true) lineSeen.TrySetResult();
        };
        build.BeginOutputReadLine();
        build.BeginErrorReadLine();
        if (killAfter is { } delay)
        {
            if (afterLine is not null) await Task.WhenAny(lineSeen.Task, build.WaitForExitAsync());
            if (delay > TimeSpan.Zero) await Task.Delay(delay);
            if (!build.HasExited)
            {
                using var kill = Process.Start("kill", ["-" + signal, build.Id.ToString(CultureInfo.InvariantCulture)])!;
                await kill.WaitForExitAsync();
            }
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await build.WaitForExitAsync(timeout.Token);
        lock (output) return (build.ExitCode, output.ToString());
    }
}
