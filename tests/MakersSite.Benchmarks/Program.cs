using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using MakersSite.Benchmarks;
using MakersSite.Preview;
using Microsoft.Playwright;

// Usage:
//   MakersSite.Benchmarks generate PAGES DIR
//   MakersSite.Benchmarks run --repo ROOT --work DIR --pages 1000,10000 --report FILE [--cli makers-site.dll] [--also LABEL=CLI,...]
//   MakersSite.Benchmarks serve-latency SITE --repo ROOT [--cli makers-site.dll]
// --cli: the generator to measure (a native executable, or a .dll run through dotnet); tests/benchmarks/run publishes it
// as the launcher and the workflows do (Native AOT).
// --also: other builds of the generator (an earlier revision, a native binary) measured in the same run on the same sites.
var arguments = args.ToList();
string Option(string name, string fallback)
{
    var i = arguments.IndexOf(name);
    return i >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : fallback;
}

var repository = Path.GetFullPath(Option("--repo", Directory.GetCurrentDirectory()));
if (arguments.FirstOrDefault() == "generate")
{
    new SyntheticSite(repository).Generate(Path.GetFullPath(arguments[2]), int.Parse(arguments[1], CultureInfo.InvariantCulture));
    return 0;
}

var cli = Path.GetFullPath(Option("--cli", Path.Combine(repository, ".cache", "bin", "makers-site")));
if (arguments.FirstOrDefault() == "serve-latency")
{
    // Only the serve measurement, on a site generated before: serve-latency SITE
    var result = await ServeLatency.MeasureAsync(cli, Path.GetFullPath(arguments[1]), "content/bedrijven/bedrijf-00007/index.md", rounds: 6);
    Console.WriteLine($"mediaan {result.Median:0} ms, hoogste {result.Max:0} ms, {result.InPlace}× zonder herladen; herbouwen tot de open pagina bijgewerkt wordt: mediaan {result.BuildMedian:0} ms; alleen herladen: mediaan {result.ReloadMedian:0} ms");
    return 0;
}

var work = Path.GetFullPath(Option("--work", Path.Combine(repository, ".cache", "bench")));
if (arguments.FirstOrDefault() == "relevance")
{
    // relevance --repo ROOT --work DIR --cli makers-site --report FILE: the judged queries against Pagefind (issue 26).
    var site = Path.Combine(work, "relevance");
    if (Directory.Exists(site)) Directory.Delete(site, recursive: true);
    CopyTree(Path.Combine(repository, "content"), Path.Combine(site, "content"));
    CopyTree(Path.Combine(repository, "tests", "fixtures", "zoeken", "content"), Path.Combine(site, "content"));
    Directory.CreateSymbolicLink(Path.Combine(site, "themes"), Path.Combine(repository, "themes"));
    var built = Measure.Generator(cli, ["build", "--root", site]);
    if (built.ExitCode != 0) throw new InvalidOperationException("build mislukt:\n" + built.Stderr + built.Stdout);
    var pagefindSite = Path.Combine(work, "relevance-pagefind");
    if (Directory.Exists(pagefindSite)) Directory.Delete(pagefindSite, recursive: true);
    CopyTree(Path.Combine(site, "public"), pagefindSite, "*.html");
    var indexed = Measure.Run(Path.Combine(work, "tools", "node_modules", ".bin", "pagefind"), ["--site", pagefindSite]);
    if (indexed.ExitCode != 0) throw new InvalidOperationException("pagefind mislukt:\n" + indexed.Stderr + indexed.Stdout);
    var judged = Relevance.Read(Path.Combine(repository, "tests", "benchmarks", "relevance", "queries.txt"));
    var (ourAnswers, theirAnswers) = await Relevance.MeasureAsync(Path.Combine(site, "public"), pagefindSite, judged);
    var machine = $"Machine: {Report.Cpu()}, .NET {Environment.Version}, Chromium van Debian; gemeten op {DateTime.UtcNow:yyyy-MM-dd}.";
    File.WriteAllText(Path.GetFullPath(Option("--report", Path.Combine(repository, "tests", "benchmarks", "relevance", "report.md"))),
        Relevance.Report(judged, ourAnswers, theirAnswers, machine));
    return 0;
}
var report = Path.GetFullPath(Option("--report", Path.Combine(repository, "tests", "benchmarks", "report.md")));
var also = Option("--also", "").Split(',', StringSplitOptions.RemoveEmptyEntries)
    .Select(a => a.Split('=', 2)).Select(a => (Label: a[0], Cli: Path.GetFullPath(a[1]))).ToList();
var sizes = Option("--pages", "1000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
var pagefind = Path.Combine(work, "tools", "node_modules", ".bin", "pagefind");
if (!File.Exists(cli)) throw new InvalidOperationException($"{cli} ontbreekt: tests/benchmarks/run bouwt het eerst.");
if (!File.Exists(pagefind)) throw new InvalidOperationException($"{pagefind} ontbreekt: tests/benchmarks/run installeert pagefind 1.6.0.");

// Emptied once everything is measured (see Trash), together with anything an interrupted run left there.
Trash.UseFolder(Path.Combine(work, "trash"));
var rows = new List<SizeResult>();
foreach (var pages in sizes)
{
    var root = Path.Combine(work, $"site-{pages}");
    Console.Error.WriteLine($"== {pages} pagina's: genereren");
    var synthetic = new SyntheticSite(repository);
    synthetic.Generate(root, pages);
    var markdownBytes = Directory.GetFiles(Path.Combine(root, "content"), "*.md", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    var output = Path.Combine(root, "public");
    // The machine is noisy (one Hugo build once took 17 s instead of 10, the same makers-site build 21 to 27 s):
    // every tool gets the best of three runs of each scenario, each run prepared the same way.
    BuildRun Ours(string label, Action before) => Generator(cli, label, before);
    BuildRun Generator(string generator, string label, Action before)
    {
        Console.Error.WriteLine($"== {Path.GetFileName(generator)}: {label}");
        var runs = Enumerable.Range(0, 3).Select(_ =>
        {
            before();
            var run = Measure.Generator(generator, ["build", "--root", root]);
            if (run.ExitCode != 0) throw new InvalidOperationException("build mislukt:\n" + run.Stderr);
            return new BuildRun(run, Measure.Phases(run.Stderr));
        }).ToList();
        var best = runs.MinBy(r => r.Process.WallSeconds)!;
        return best with { Process = best.Process with { PeakKilobytes = runs.Max(r => r.Process.PeakKilobytes) } };
    }
    void Delete(params string[] paths)
    {
        foreach (var path in paths) Trash.Move(Path.Combine(root, path));
    }
    // One member edits one profile: a sentence more in the body.
    const string edited = "content/bedrijven/bedrijf-00007/index.md";
    static void Edit(string file, int round) => File.AppendAllText(file, $"\nWe hebben er {round} nieuwe machines bij.\n");

    var clean = Ours("schone build (geen cache)", () => Delete("public", ".cache"));
    var socialImages = Directory.GetFiles(Path.Combine(root, ".cache", "social")).Length;
    var warm = Ours("build uit warme cache, niets gewijzigd", () => { });
    var warmImages = Ours("build met warme beeldcache, zonder bouwcache en public/", () => Delete("public", Path.Combine(".cache", "build")));
    var edits = 0;
    var oneChange = Ours("herbouw na één gewijzigd bestand", () => Edit(Path.Combine(root, edited), ++edits));
    var tokenizing = PostProcessingCost.Measure(output);
    // check of the repository's own default site, as a member's pull request runs it (best of three).
    var checkDefault = Enumerable.Range(0, 3).Select(_ => Measure.Generator(cli, ["check", "--root", repository])).MinBy(c => c.WallSeconds)!;
    var others = also.Select(other => new OtherBuild(other.Label,
        Generator(other.Cli, "schone build (geen cache)", () => Delete("public", ".cache")),
        Generator(other.Cli, "build uit warme cache, niets gewijzigd", () => { }),
        Generator(other.Cli, "build met warme beeldcache, zonder bouwcache en public/", () => Delete("public", Path.Combine(".cache", "build"))),
        Generator(other.Cli, "herbouw na één gewijzigd bestand", () => Edit(Path.Combine(root, edited), ++edits)))).ToList();
    // The others left their own output: the measured generator's, for what follows (serve, Pagefind, queries).
    if (others.Count > 0)
    {
        Delete("public", ".cache");
        if (Measure.Generator(cli, ["build", "--root", root]).ExitCode != 0) throw new InvalidOperationException("build mislukt");
    }
    var ours = Measure.Tree(output, p => p.StartsWith("zoeken/data/", StringComparison.Ordinal) || p.StartsWith("zoeken/lib/", StringComparison.Ordinal) || p == "js/search.js");

    Console.Error.WriteLine("== hugo");
    var hugoSite = Path.Combine(work, $"hugo-{pages}");
    HugoSite.Prepare(root, hugoSite);
    ProcessResult Hugo()
    {
        var run = Measure.Run("hugo", ["--quiet", "--source", hugoSite, "--destination", Path.Combine(hugoSite, "public")]);
        if (run.ExitCode != 0) throw new InvalidOperationException("hugo mislukt:\n" + run.Stderr + run.Stdout);
        return run;
    }
    // Time is the fastest run's, memory the highest peak of the three (memory barely varies; the target is a ceiling).
    static ProcessResult Best(Func<ProcessResult> run, Action before)
    {
        var runs = Enumerable.Range(0, 3).Select(_ => { before(); return run(); }).ToList();
        return runs.MinBy(r => r.WallSeconds)! with { PeakKilobytes = runs.Max(r => r.PeakKilobytes) };
    }
    var hugoClean = Best(Hugo, () =>
    {
        foreach (var folder in new[] { "public", "resources" }) Trash.Move(Path.Combine(hugoSite, folder));
    });
    var hugoWarm = Best(Hugo, () => { });
    var hugoEdits = 0;
    var hugoOneChange = Best(Hugo, () => Edit(Path.Combine(hugoSite, edited), ++hugoEdits));
    var hugoPages = Directory.GetFiles(Path.Combine(hugoSite, "public"), "*.html", SearchOption.AllDirectories).Length;

    // At every size: the target is set for 1,000 pages, and at 10,000 it is what one changed file costs someone editing.
    Console.Error.WriteLine("== serve: van opslaan tot de bewerking zichtbaar is in Chromium");
    var serve = await ServeLatency.MeasureAsync(cli, root, edited, rounds: pages <= 1000 ? 9 : 5);

    Console.Error.WriteLine("== pagefind");
    var pagefindSite = Path.Combine(work, $"pagefind-{pages}");
    Trash.Move(pagefindSite);
    CopyTree(output, pagefindSite, "*.html");
    ProcessResult Pagefind()
    {
        var run = Measure.Run(pagefind, ["--site", pagefindSite]);
        if (run.ExitCode != 0) throw new InvalidOperationException("pagefind mislukt:\n" + run.Stderr + run.Stdout);
        return run;
    }
    var pagefindRun = Best(Pagefind, () =>
    {
        Trash.Move(Path.Combine(pagefindSite, "pagefind"));
    });
    var theirs = Measure.Tree(Path.Combine(pagefindSite, "pagefind"), _ => true);

    Console.Error.WriteLine("== koude zoekvragen in Chromium");
    // The most frequent content word (in nearly every page) and a word of middling frequency.
    var queries = new[] { synthetic.Words[0], synthetic.Words[60] };
    var cold = await ColdQueries.MeasureAsync(output, pagefindSite, queries);

    rows.Add(new SizeResult(pages, markdownBytes, clean, warm, warmImages, oneChange, socialImages, ours, pagefindRun, theirs, cold,
        hugoClean, hugoWarm, hugoOneChange, hugoPages, serve) { Others = others, Tokenizing = tokenizing, CheckDefault = checkDefault });
}

// Comparisons run by hand for an issue (other revisions, other settings) stay below the generated part.
const string keptMarker = "## Eerdere vergelijkingen";
var previousReport = File.Exists(report) ? File.ReadAllText(report) : "";
var kept = previousReport.IndexOf(keptMarker, StringComparison.Ordinal) is var at and >= 0 ? previousReport[at..] : "";
File.WriteAllText(report, Report.Write(rows) + (kept.Length > 0 ? "\n" + kept : ""));
Trash.Empty();
Console.Error.WriteLine($"Verslag geschreven: {report}");
return 0;

static void CopyTree(string from, string to, string pattern = "*")
{
    foreach (var file in Directory.GetFiles(from, pattern, SearchOption.AllDirectories))
    {
        var target = Path.Combine(to, Path.GetRelativePath(from, file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target, overwrite: true);
    }
}


namespace MakersSite.Benchmarks
{
    public sealed record ProcessResult(int ExitCode, double WallSeconds, long PeakKilobytes, string Stdout, string Stderr);

    public sealed record TreeStats(int Files, long Bytes, long GzipBytes);

    public sealed record QueryCost(string Word, int Results, int Requests, long Bytes);

    public sealed record ColdResult(IReadOnlyList<QueryCost> Ours, IReadOnlyList<QueryCost> Pagefind);

    public sealed record BuildRun(ProcessResult Process, IReadOnlyDictionary<string, long> Phases)
    {
        public double Seconds => Process.WallSeconds;
        public double Phase(string name) => Phases.GetValueOrDefault(name) / 1000.0;
    }

    public sealed record SizeResult(int Pages, long MarkdownBytes, BuildRun Clean, BuildRun Warm, BuildRun WarmImages, BuildRun OneChange, int SocialImages,
        TreeStats Ours, ProcessResult Pagefind, TreeStats PagefindTree, ColdResult Cold,
        ProcessResult HugoClean, ProcessResult HugoWarm, ProcessResult HugoOneChange, int HugoPages, ServeResult? Serve)
    {
        public IReadOnlyList<OtherBuild> Others { get; init; } = [];
        public TokenizingCost? Tokenizing { get; init; }
        public ProcessResult? CheckDefault { get; init; }
    }

    /// <summary>The same four scenarios with another build of the generator.</summary>
    public sealed record OtherBuild(string Label, BuildRun Clean, BuildRun Warm, BuildRun WarmImages, BuildRun OneChange);

    public static class Measure
    {
        /// <summary>Runs the generator: a .dll through dotnet, a native executable directly.</summary>
        public static ProcessResult Generator(string cli, string[] arguments) =>
            cli.EndsWith(".dll", StringComparison.Ordinal) ? Run("dotnet", [cli, .. arguments]) : Run(cli, arguments);

        /// <summary>Runs a program under GNU time: wall seconds and peak resident memory of the whole process.</summary>
        public static ProcessResult Run(string program, string[] arguments)
        {
            var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { "-f", "TIME %e %M", program }.Concat(arguments)) start.ArgumentList.Add(a);
            start.Environment["DOTNET_gcServer"] = "0";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            var timeLine = stderr.Split('\n').Last(l => l.StartsWith("TIME ", StringComparison.Ordinal)).Split(' ');
            return new ProcessResult(process.ExitCode, double.Parse(timeLine[1], CultureInfo.InvariantCulture),
                long.Parse(timeLine[2], CultureInfo.InvariantCulture), stdout.Result, stderr);
        }

        /// <summary>Milliseconds spent in each build phase, from the CLI's "[makers-site]   1234 ms phase" lines.</summary>
        public static IReadOnlyDictionary<string, long> Phases(string stderr)
        {
            var marks = stderr.Split('\n')
                .Where(l => l.StartsWith("[makers-site]", StringComparison.Ordinal))
                .Select(l => l["[makers-site]".Length..].Trim().Split(" ms ", 2))
                .Select(p => (Ms: long.Parse(p[0].Trim(), CultureInfo.InvariantCulture), Phase: p[1].Trim()))
                .ToList();
            var result = new Dictionary<string, long>();
            for (var i = 0; i < marks.Count - 1; i++) result[marks[i].Phase] = marks[i + 1].Ms - marks[i].Ms;
            return result;
        }

        public static TreeStats Tree(string root, Func<string, bool> include)
        {
            var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => (Path: Path.GetRelativePath(root, f).Replace('\\', '/'), Full: f))
                .Where(f => include(f.Path)).ToList();
            return new TreeStats(files.Count, files.Sum(f => new FileInfo(f.Full).Length), files.Sum(f => TransferBytes(File.ReadAllBytes(f.Full))));
        }

        /// <summary>What a host sends: the file gzipped (level 6, as web servers do), unless it already is gzip.</summary>
        public static long TransferBytes(byte[] bytes)
        {
            if (bytes.Length > 2 && bytes[0] == 0x1F && bytes[1] == 0x8B) return bytes.Length;
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
            return Math.Min(buffer.Length, bytes.Length);
        }
    }

    /// <summary>
    /// A cold one-word query in real Chromium with an empty cache: every file the search loads, as a host would
    /// send it. Ours: /zoeken/?q=… until results show. Pagefind: its JS API searching and loading the first
    /// ten results' data (what its UI shows first).
    /// </summary>
    public static class ColdQueries
    {
        /// <summary>Searches ?q= with Pagefind's JS API and loads the data of the first ?n= results; the body then carries the count and their addresses.</summary>
        internal const string PagefindProbe = """
            <!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>pagefind</title></head><body>
            <script type="module">
              const pagefind = await import("/pagefind/pagefind.js");
              const params = new URLSearchParams(location.search);
              const search = await pagefind.search(params.get("q"));
              const data = await Promise.all(search.results.slice(0, Number(params.get("n"))).map(r => r.data()));
              document.body.dataset.urls = JSON.stringify(data.map(d => d.url));
              document.body.dataset.done = String(search.results.length);
            </script></body></html>
            """;

        public static async Task<ColdResult> MeasureAsync(string ourSite, string pagefindSite, IReadOnlyList<string> words)
        {
            File.WriteAllText(Path.Combine(pagefindSite, "pagefind-probe.html"), PagefindProbe);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await LaunchAsync(playwright);
            var ours = new List<QueryCost>();
            var theirs = new List<QueryCost>();
            await using (var server = await PreviewServer.StartAsync(ourSite))
            {
                foreach (var word in words)
                {
                    var page = await (await browser.NewContextAsync()).NewPageAsync();
                    await page.GotoAsync($"{server.BaseUrl}zoeken/?q={Uri.EscapeDataString(word)}");
                    await page.WaitForFunctionAsync("() => /resultaten|resultaat|Niets/.test(document.querySelector('#search-status').textContent)", null, new() { Timeout = 120_000 });
                    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                    var count = await page.Locator(".search-hit").CountAsync();
                    ours.Add(Cost(word, count, ourSite, server.Served.Where(s => s.Path.StartsWith("/zoeken/data/", StringComparison.Ordinal)
                        || s.Path.StartsWith("/zoeken/lib/", StringComparison.Ordinal) || s.Path == "/js/search.js")));
                    server.ClearServed();
                    await page.Context.CloseAsync();
                }
            }
            await using (var server = await PreviewServer.StartAsync(pagefindSite))
            {
                foreach (var word in words)
                {
                    var page = await (await browser.NewContextAsync()).NewPageAsync();
                    await page.GotoAsync($"{server.BaseUrl}pagefind-probe.html?n=10&q={Uri.EscapeDataString(word)}");
                    await page.WaitForSelectorAsync("body[data-done]", new() { Timeout = 120_000, State = WaitForSelectorState.Attached });
                    var count = int.Parse((await page.GetAttributeAsync("body", "data-done"))!, CultureInfo.InvariantCulture);
                    theirs.Add(Cost(word, count, pagefindSite, server.Served.Where(s => s.Path.StartsWith("/pagefind/", StringComparison.Ordinal))));
                    server.ClearServed();
                    await page.Context.CloseAsync();
                }
            }
            return new ColdResult(ours, theirs);
        }

        /// <summary>Debian's Chromium, headless, as the benchmarks use it.</summary>
        public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });

        private static QueryCost Cost(string word, int results, string root, IEnumerable<ServedFile> served)
        {
            var files = served.Select(s => s.Path).Distinct().ToList();
            var bytes = files.Sum(p => Measure.TransferBytes(File.ReadAllBytes(Path.Combine(root, p.TrimStart('/')))));
            return new QueryCost(word, results, files.Count, bytes);
        }
    }

    public static class Report
    {
        public static string Write(IReadOnlyList<SizeResult> rows)
        {
            static string Kb(long bytes) => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB";
            static string Mb(long kilobytes) => (kilobytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " MB";
            static string S(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
            static string Run(ProcessResult p) => $"{S(p.WallSeconds)}, {Mb(p.PeakKilobytes)}";
            static string Check(bool met) => met ? "gehaald" : "**niet gehaald**";
            var sb = new StringBuilder();
            sb.AppendLine("# Benchmark: makers-site naast Hugo en Pagefind");
            sb.AppendLine();
            sb.AppendLine($"Gemeten op {DateTime.UtcNow:yyyy-MM-dd} met `tests/benchmarks/run`, alles in één run, op {Environment.ProcessorCount} cores " +
                          $"({Cpu()}), .NET {Environment.Version}, Hugo {HugoVersion()} (Debian-pakket), Pagefind 1.6.0 (npm), Chromium van Debian. " +
                          "Synthetische sites uit `tests/MakersSite.Benchmarks` (85% bedrijfsprofielen van ~8 KB Markdown met tabel, lijsten, sectoren, " +
                          "gemeenten en aspecten; 15% kennisbankartikelen; woorden Zipf-verdeeld over de eigen woordenschat plus samenstellingen).");
            sb.AppendLine();
            sb.AppendLine("makers-site is gemeten zoals `./makers-site` en de workflows het draaien: `dotnet publish` van `src/MakersSite.Cli`, één native programma " +
                          "(Native AOT; tot 2 december ReadyToRun, tot 30 november de gewone Release-build); andere builds (dezelfde code op de JIT, een eerdere revisie) " +
                          "staan per grootte in een eigen tabel uit dezelfde run. " +
                          "Tijd is wandkloktijd van het hele proces, geheugen de piek van het residente geheugen (GNU time). Hugo krijgt dezelfde Markdown " +
                          "met een thema van dezelfde vorm (basislayout, pagina, lijsten met kaarten, termpagina's voor sector, gemeente en aspect); " +
                          "het maakt geen zoekindex en geen deelafbeeldingen. Pagefind indexeert de HTML die makers-site bouwde. De machine is onrustig: " +
                          "elk programma krijgt bij elke meting de snelste van drie runs, elke run op dezelfde manier voorbereid, en als geheugen de hoogste piek van die drie " +
                          "(tot 29 november kreeg makers-site één run, Hugo en Pagefind de beste van drie). Wat een run niet mag aantreffen (oude uitvoer, een oude site) " +
                          "wordt vooraf opzijgezet en pas na alle metingen gewist: op deze machine (ext4 zonder journal) is bestanden aanmaken minutenlang veel trager " +
                          "nadat er tienduizenden gewist zijn, en dan zou de opruiming van de vorige run meegemeten worden in plaats van het programma.");
            sb.AppendLine();
            sb.AppendLine("- *schone build*: geen `public/` en geen `.cache/` (deelafbeeldingen en foto's worden getekend).");
            sb.AppendLine("- *warme cache*: dezelfde build nog eens, niets gewijzigd.");
            sb.AppendLine("- *warme beeldcache*: `.cache/build/` en `public/` weg, de beeldcache nog gevuld.");
            sb.AppendLine("- *één wijziging*: één bedrijfsprofiel krijgt een zin meer, dan `build` (een nieuw proces).");
            sb.AppendLine("- *pagina's zonder afbeeldingen en zoekindex*: de schone build min de fasen afbeeldingen en zoekindex.");
            sb.AppendLine();
            static string Ratio(double mine, double theirs) =>
                $"{mine.ToString("0.00", CultureInfo.InvariantCulture)} s tegen {theirs.ToString("0.00", CultureInfo.InvariantCulture)} s = {(mine / theirs).ToString("0.00", CultureInfo.InvariantCulture)} ×";
            foreach (var r in rows)
            {
                var peakAll = new[] { r.Clean, r.Warm, r.WarmImages, r.OneChange }.Max(b => b.Process.PeakKilobytes);
                var pagesOnly = r.Clean.Seconds - r.Clean.Phase("afbeeldingen") - r.Clean.Phase("zoekindex");
                var imageMsPerCore = r.SocialImages == 0 ? 0 : r.Clean.Phase("afbeeldingen") * 1000 * Environment.ProcessorCount / r.SocialImages;
                sb.AppendLine($"## {r.Pages:N0} pagina's ({Kb(r.MarkdownBytes)} Markdown)".Replace(',', '.'));
                sb.AppendLine();
                sb.AppendLine("| | makers-site | Hugo | Pagefind |");
                sb.AppendLine("| --- | --- | --- | --- |");
                sb.AppendLine($"| schone build | {Run(r.Clean.Process)} | {Run(r.HugoClean)} | {Run(r.Pagefind)} |");
                sb.AppendLine($"| pagina's zonder afbeeldingen en zoekindex (schone build) | {S(pagesOnly)} | {S(r.HugoClean.WallSeconds)} | |");
                sb.AppendLine($"| build uit warme cache | {Run(r.Warm.Process)} | {Run(r.HugoWarm)} | |");
                sb.AppendLine($"| build met warme beeldcache | {Run(r.WarmImages.Process)} | | |");
                sb.AppendLine($"| herbouw na één gewijzigd bestand | {Run(r.OneChange.Process)} | {Run(r.HugoOneChange)} | |");
                sb.AppendLine($"| deelafbeeldingen, koud | {r.SocialImages} in {S(r.Clean.Phase("afbeeldingen"))}: {(r.SocialImages / Math.Max(0.001, r.Clean.Phase("afbeeldingen"))).ToString("0", CultureInfo.InvariantCulture)} per s, {imageMsPerCore.ToString("0.0", CultureInfo.InvariantCulture)} ms per afbeelding per core | — | — |");
                sb.AppendLine($"| HTML-pagina's | {CountPages(r)} | {r.HugoPages:N0} | |".Replace(',', '.'));
                if (r.Serve is { } serve)
                    sb.AppendLine($"| `serve`: opslaan → bewerking zichtbaar in Chromium | mediaan {serve.Median:0} ms, hoogste {serve.Max:0} ms ({serve.Milliseconds.Count}×, {serve.InPlace}× zonder herladen: alleen &lt;main&gt; vervangen); daarvan herbouwen tot de open pagina bijgewerkt wordt: mediaan {serve.BuildMedian:0} ms; ter vergelijking een gewone herlaadbeurt zonder build: mediaan {serve.ReloadMedian:0} ms | | |");
                sb.AppendLine();
                sb.AppendLine("Fasen van makers-site (s): " + string.Join("; ", new[] { ("schoon", r.Clean), ("warm", r.Warm), ("warme beeldcache", r.WarmImages), ("één wijziging", r.OneChange) }
                    .Select(x => $"{x.Item1}: " + string.Join(", ", x.Item2.Phases.Select(p => $"{p.Key} {(p.Value / 1000.0).ToString("0.00", CultureInfo.InvariantCulture)}")))) + ".");
                sb.AppendLine();
                if (r.Others.Count > 0)
                {
                    sb.AppendLine("Andere builds van de generator in dezelfde run, op dezelfde site (verhouding: deze build gedeeld door de andere):");
                    sb.AppendLine();
                    sb.AppendLine("| | makers-site (deze) | " + string.Join(" | ", r.Others.Select(o => o.Label)) + " |");
                    sb.AppendLine("| --- | --- |" + string.Concat(r.Others.Select(_ => " --- |")));
                    foreach (var (name, mine, theirs) in new (string, BuildRun, Func<OtherBuild, BuildRun>)[]
                             {
                                 ("schone build", r.Clean, o => o.Clean), ("build uit warme cache", r.Warm, o => o.Warm),
                                 ("build met warme beeldcache", r.WarmImages, o => o.WarmImages), ("herbouw na één gewijzigd bestand", r.OneChange, o => o.OneChange),
                             })
                    {
                        sb.AppendLine($"| {name} | {Run(mine.Process)} | " + string.Join(" | ", r.Others.Select(o => theirs(o)).Select(t =>
                            $"{Run(t.Process)} (× {(mine.Seconds / t.Seconds).ToString("0.00", CultureInfo.InvariantCulture)})")) + " |");
                    }
                    sb.AppendLine();
                }
                if (r.Tokenizing is { } tokens)
                {
                    static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.');
                    sb.AppendLine($"Nabewerking, tokeniseren van de {N(tokens.Pages)} pagina's van de schone build op één core: eigen scanner {S(tokens.ScannerSeconds)} " +
                                  $"({N(tokens.Scanned)} pagina's genomen, de rest naar AngleSharp), alleen AngleSharp's tokenizer {S(tokens.AngleSharpSeconds)}; " +
                                  $"de scanner scheelt {S(tokens.AngleSharpSeconds - tokens.ScannerSeconds)} core-tijd, verdeeld over {Environment.ProcessorCount} cores in de renderfase.");
                    sb.AppendLine();
                }
                var hugoPagefind = r.HugoClean.WallSeconds + r.Pagefind.WallSeconds;
                sb.AppendLine("Doelen van het native programma (issue 24), als verhouding uit deze run:");
                sb.AppendLine();
                sb.AppendLine($"- build met warme beeldcache hooguit 0,5 × (Hugo + Pagefind): {Ratio(r.WarmImages.Seconds, hugoPagefind)} — {Check(r.WarmImages.Seconds <= 0.5 * hugoPagefind)}");
                sb.AppendLine($"- één gewijzigde pagina hooguit 0,25 × Hugo's build: {Ratio(r.OneChange.Seconds, r.HugoOneChange.WallSeconds)} — {Check(r.OneChange.Seconds <= 0.25 * r.HugoOneChange.WallSeconds)}");
                if (r.Pages == 1000) sb.AppendLine($"- schone build met deelafbeeldingen hooguit 1,0 × (Hugo + Pagefind): {Ratio(r.Clean.Seconds, hugoPagefind)} — {Check(r.Clean.Seconds <= hugoPagefind)}");
                if (r.Pages >= 10000) sb.AppendLine($"- piekgeheugen hooguit 400 MB: {Mb(peakAll)} — {Check(peakAll <= 400 * 1024)}");
                if (r.CheckDefault is { } check) sb.AppendLine($"- `check` van de standaardsite onder 0,2 s: {S(check.WallSeconds)} — {Check(check.WallSeconds < 0.2)}");
                sb.AppendLine();
                sb.AppendLine("Doelen (bij 10.000 pagina's gesteld, hier voor deze grootte nagemeten):");
                sb.AppendLine();
                sb.AppendLine($"- pagina's zonder afbeeldingen en zoekindex niet trager dan Hugo: {S(pagesOnly)} tegen {S(r.HugoClean.WallSeconds)} — {Check(pagesOnly <= r.HugoClean.WallSeconds)}");
                var half = (r.HugoClean.WallSeconds + r.Pagefind.WallSeconds) / 2;
                sb.AppendLine($"- hele build met warme beeldcache hooguit de helft van Hugo plus Pagefind: {S(r.WarmImages.Seconds)} tegen {S(half)} — {Check(r.WarmImages.Seconds <= half)}; uit warme bouwcache {S(r.Warm.Seconds)} — {Check(r.Warm.Seconds <= half)}");
                var peak = new[] { r.Clean, r.Warm, r.WarmImages, r.OneChange }.Max(b => b.Process.PeakKilobytes);
                sb.AppendLine($"- piekgeheugen hooguit 500 MB: schoon {Mb(r.Clean.Process.PeakKilobytes)}, warm {Mb(r.Warm.Process.PeakKilobytes)}, warme beeldcache {Mb(r.WarmImages.Process.PeakKilobytes)}, één wijziging {Mb(r.OneChange.Process.PeakKilobytes)} — {Check(peak <= 500 * 1024)}");
                sb.AppendLine($"- één gewijzigd bestand in minder dan 1 s: {S(r.OneChange.Seconds)} — {Check(r.OneChange.Seconds < 1)}" +
                              (r.Serve is { } edit ? $" (in `serve` is de bewerking na mediaan {edit.Median:0} ms zichtbaar, hoogste {edit.Max:0} ms; de zoekindex volgt daarna)" : ""));
                sb.AppendLine($"- een koude deelafbeelding in hooguit 10 ms per core: {imageMsPerCore.ToString("0.0", CultureInfo.InvariantCulture)} ms — {Check(imageMsPerCore <= 10)}");
                if (r.Serve is { } s2 && r.Pages <= 1000) sb.AppendLine($"- `serve` (1.000 pagina's): van opslaan tot de bewerking zichtbaar is onder 200 ms: mediaan {s2.Median:0} ms, hoogste {s2.Max:0} ms — {Check(s2.Max < 200)}");
                sb.AppendLine();
                sb.AppendLine("### Zoekindex naast Pagefind");
                sb.AppendLine();
                sb.AppendLine("Bytes zijn zoals een host ze verstuurt: gzip (niveau 6), of zoals ze zijn als een bestand al gzip is (Pagefinds `pf_*`). " +
                              "Een koude zoekvraag: een nieuwe browsercontext zonder cache, de zoekpagina met `?q=woord` tot de resultaten er staan; geteld worden alle bestanden die het zoeken laadt.");
                sb.AppendLine();
                sb.AppendLine("| | makers-site | Pagefind 1.6.0 |");
                sb.AppendLine("| --- | --- | --- |");
                sb.AppendLine($"| index bouwen | {S(r.Clean.Phase("zoekindex"))} (fase zoekindex, schone build) | {S(r.Pagefind.WallSeconds)} |");
                sb.AppendLine($"| bestanden | {r.Ours.Files:N0} | {r.PagefindTree.Files:N0} |".Replace(',', '.'));
                sb.AppendLine($"| totale index (onverpakt / verstuurd) | {Kb(r.Ours.Bytes)} / {Kb(r.Ours.GzipBytes)} | {Kb(r.PagefindTree.Bytes)} / {Kb(r.PagefindTree.GzipBytes)} |");
                for (var i = 0; i < r.Cold.Ours.Count; i++)
                {
                    var o = r.Cold.Ours[i];
                    var p = r.Cold.Pagefind[i];
                    sb.AppendLine($"| koude zoekvraag ‘{o.Word}’ | **{Kb(o.Bytes)}** in {o.Requests} bestanden, {o.Results} resultaten getoond | {Kb(p.Bytes)} in {p.Requests} bestanden, {p.Results} resultaten |");
                }
                sb.AppendLine();
            }
            return sb.ToString();
        }

        private static string CountPages(SizeResult r) => r.Pages.ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.') + "+ lijsten";

        private static string HugoVersion()
        {
            try
            {
                var start = new ProcessStartInfo("hugo", "version") { RedirectStandardOutput = true };
                using var process = Process.Start(start)!;
                var text = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1)?.Split('+')[0] ?? "onbekend";
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return "onbekend";
            }
        }

        internal static string Cpu()
        {
            try
            {
                return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "onbekend";
            }
            catch (IOException)
            {
                return "onbekend";
            }
        }
    }
}
