using System.Diagnostics;
using Microsoft.Playwright;

namespace MakersSite.Benchmarks;

public sealed record ServeResult(IReadOnlyList<double> Milliseconds)
{
    public double Median => Milliseconds.Order().ElementAt(Milliseconds.Count / 2);
    public double Max => Milliseconds.Max();
}

/// <summary>
/// `makers-site serve` as a member uses it: the real CLI, a page open in Chromium, a profile saved; measured from the
/// moment the file is written until the reloaded page's DOM holds the new text.
/// </summary>
public static class ServeLatency
{
    public static async Task<ServeResult> MeasureAsync(string cli, string root, string editedFile, int rounds)
    {
        var port = 18000 + Random.Shared.Next(1000);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { cli, "serve", "--root", root, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
        using var serve = Process.Start(start)!;
        serve.ErrorDataReceived += (_, _) => { };
        serve.BeginErrorReadLine();
        try
        {
            while (await serve.StandardOutput.ReadLineAsync() is { } line && !line.StartsWith("Voorbeeld op", StringComparison.Ordinal)) { }
            _ = serve.StandardOutput.ReadToEndAsync();

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
            for (var round = 0; round < rounds; round++)
            {
                var marker = $"Bewerking{round}x{Random.Shared.Next(100000)}";
                var clock = Stopwatch.StartNew();
                var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                void OnLoaded(object? sender, IPage loaded) => reloaded.TrySetResult();
                page.DOMContentLoaded += OnLoaded;
                File.WriteAllText(path, original + $"\nNieuw: {marker}.\n");
                await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
                page.DOMContentLoaded -= OnLoaded;
                await page.WaitForFunctionAsync("m => document.body.textContent.includes(m)", marker, new() { PollingInterval = 2, Timeout = 60_000 });
                times.Add(clock.Elapsed.TotalMilliseconds);
                await page.WaitForTimeoutAsync(1500); // the search index of this save is done before the next one
            }
            File.WriteAllText(path, original);
            // The first save also warms up the process: it is left out.
            return new ServeResult(times.Skip(1).ToList());
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }
}
