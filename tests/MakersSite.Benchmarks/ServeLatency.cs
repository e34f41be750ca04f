using System.Diagnostics;
using Microsoft.Playwright;

namespace MakersSite.Benchmarks;

/// <param name="Milliseconds">From writing the file until the page in Chromium shows the edit (swapped in place or reloaded).</param>
/// <param name="BuildMilliseconds">Of that, serve's own log: from the start of the rebuild until it sent the reload (the open page written).</param>
/// <param name="ReloadMilliseconds">A plain reload of the same page in Chromium with nothing to build, for scale.</param>
/// <param name="InPlace">How many of the rounds updated the page in place instead of reloading it.</param>
public sealed record ServeResult(IReadOnlyList<double> Milliseconds, IReadOnlyList<double> BuildMilliseconds, IReadOnlyList<double> ReloadMilliseconds, int InPlace)
{
    public double ReloadMedian => ReloadMilliseconds.Order().ElementAt(ReloadMilliseconds.Count / 2);
    public double Median => Milliseconds.Order().ElementAt(Milliseconds.Count / 2);
    public double Max => Milliseconds.Max();
    public double BuildMedian => BuildMilliseconds.Count == 0 ? 0 : BuildMilliseconds.Order().ElementAt(BuildMilliseconds.Count / 2);
}

/// <summary>
/// `makers-site serve` as a member uses it: the real CLI, a page open in Chromium, a profile saved; measured from the
/// moment the file is written until the page's DOM holds the new text, whether serve swapped in the new &lt;main&gt;
/// or reloaded the page.
/// </summary>
public static class ServeLatency
{
    public static async Task<ServeResult> MeasureAsync(string cli, string root, string editedFile, int rounds)
    {
        var port = 18000 + Random.Shared.Next(1000);
        var native = !cli.EndsWith(".dll", StringComparison.Ordinal);
        var start = new ProcessStartInfo(native ? cli : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (native ? [] : new[] { cli }).Concat(["serve", "--root", root, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])) start.ArgumentList.Add(a);
        using var serve = Process.Start(start)!;
        // serve logs each finished build to stderr (search index included); a round starts only when the last one is done.
        var finished = new SemaphoreSlim(0);
        var builds = new System.Collections.Concurrent.ConcurrentQueue<double>();
        serve.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { } line) return;
            var match = System.Text.RegularExpressions.Regex.Match(line, "pagina's gebouwd in ([0-9]+) ms");
            if (match.Success) builds.Enqueue(double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            if (line.Contains("zoekindex klaar", StringComparison.Ordinal)) finished.Release();
        };
        serve.BeginErrorReadLine();
        try
        {
            while (await serve.StandardOutput.ReadLineAsync() is { } line && !line.StartsWith("Voorbeeld op", StringComparison.Ordinal)) { }
            _ = serve.StandardOutput.ReadToEndAsync();
            while (finished.CurrentCount > 0) await finished.WaitAsync(); // the first build's
            builds.Clear();

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
            });
            var page = await browser.NewPageAsync();
            var pageUrl = "/" + Path.GetDirectoryName(editedFile)!.Replace('\\', '/')["content/".Length..] + "/";
            await page.GotoAsync($"http://127.0.0.1:{port}{pageUrl}");
            await page.WaitForTimeoutAsync(500); // the live-reload connection is open
            var path = Path.Combine(root, editedFile);
            var original = File.ReadAllText(path);
            var times = new List<double>();
            var reloads = new List<double>();
            var inPlace = 0;
            for (var round = 0; round < rounds; round++)
            {
                var marker = $"Bewerking{round}x{Random.Shared.Next(100000)}";
                // Gone if the page reloads rather than updating in place.
                await page.EvaluateAsync("() => { window.benchmarkSameDocument = true; }");
                var clock = Stopwatch.StartNew();
                File.WriteAllText(path, original + $"\nNieuw: {marker}.\n");
                // Polled every 5 ms; kept up across a reload, so both ways are timed the same.
                await page.WaitForFunctionAsync("m => document.body && document.body.textContent.includes(m)", marker,
                    new() { PollingInterval = 5, Timeout = 60_000 });
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (await page.EvaluateAsync<bool>("() => window.benchmarkSameDocument === true") && round > 0) inPlace++;
                await finished.WaitAsync(TimeSpan.FromSeconds(60));
                while (finished.CurrentCount > 0) await finished.WaitAsync(); // a save may start more than one build
                await page.WaitForTimeoutAsync(200);
                // For scale: the same reload with nothing to build.
                var idle = Stopwatch.StartNew();
                await page.ReloadAsync(new() { WaitUntil = WaitUntilState.DOMContentLoaded });
                reloads.Add(idle.Elapsed.TotalMilliseconds);
            }
            File.WriteAllText(path, original);
            // The first save also warms up the process: it is left out.
            return new ServeResult(times.Skip(1).ToList(), builds.Skip(1).ToList(), reloads.Skip(1).ToList(), inPlace);
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }
}
