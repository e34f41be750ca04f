using System.Globalization;
using System.Text;
using MakersSite.Preview;
using Microsoft.Playwright;

namespace MakersSite.Benchmarks;

/// <summary>A judged query: what someone types, and the grade of each page that answers it (2 the answer, 1 relevant).</summary>
public sealed record JudgedQuery(string Text, IReadOnlyDictionary<string, int> Grades);

/// <summary>One engine's answer to one query: the addresses of its first results and what a first-time visitor downloads for it.</summary>
public sealed record RankedAnswer(IReadOnlyList<string> Urls, long Bytes);

/// <summary>
/// Judged relevance of makers-site's search page and Pagefind 1.6.0 on the same built HTML, each with its own
/// ranking, in real Chromium with an empty cache per query: mean reciprocal rank and nDCG@5 over
/// tests/benchmarks/relevance/queries.txt.
/// </summary>
public static class Relevance
{
    public const int Depth = 5;

    public static IReadOnlyList<JudgedQuery> Read(string file) =>
        File.ReadAllLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(line =>
        {
            var parts = line.Split('|', 2);
            var grades = parts[1].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(g => g.Split(' ', 2)).ToDictionary(g => g[1], g => int.Parse(g[0], CultureInfo.InvariantCulture), StringComparer.Ordinal);
            return new JudgedQuery(parts[0].Trim(), grades);
        }).ToList();

    /// <summary>1/rank of the first result graded above 0 within the first <see cref="Depth"/>, else 0.</summary>
    public static double ReciprocalRank(JudgedQuery query, IReadOnlyList<string> urls)
    {
        for (var i = 0; i < Math.Min(Depth, urls.Count); i++)
            if (query.Grades.GetValueOrDefault(urls[i]) > 0) return 1.0 / (i + 1);
        return 0;
    }

    /// <summary>DCG of the first results with gain 2^grade − 1, over the DCG of the judged pages in their best order.</summary>
    public static double Ndcg(JudgedQuery query, IReadOnlyList<string> urls)
    {
        static double Dcg(IEnumerable<int> grades) => grades.Take(Depth).Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
        // A page listed twice counts once, at its first place.
        var ideal = Dcg(query.Grades.Values.OrderDescending());
        return ideal == 0 ? 0 : Dcg(urls.Distinct().Select(u => query.Grades.GetValueOrDefault(u))) / ideal;
    }

    public static async Task<(IReadOnlyList<RankedAnswer> Ours, IReadOnlyList<RankedAnswer> Pagefind)> MeasureAsync(
        string ourSite, string pagefindSite, IReadOnlyList<JudgedQuery> queries)
    {
        File.WriteAllText(Path.Combine(pagefindSite, "pagefind-probe.html"), ColdQueries.PagefindProbe);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ColdQueries.LaunchAsync(playwright);
        var ours = new List<RankedAnswer>();
        await using (var server = await PreviewServer.StartAsync(ourSite))
        {
            foreach (var query in queries)
            {
                var page = await (await browser.NewContextAsync()).NewPageAsync();
                await page.GotoAsync($"{server.BaseUrl}zoeken/?q={Uri.EscapeDataString(query.Text)}");
                // The status is written with the results; a query without any offers ways to browse once suggestions are in.
                await page.WaitForFunctionAsync("() => { const s = document.querySelector('#search-status').textContent; return /resultaten|resultaat/.test(s) || /Of bekijk/.test(s); }",
                    null, new() { Timeout = 60_000 });
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                var hrefs = await page.Locator("#search-results .search-hit > h2 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
                ours.Add(new RankedAnswer(hrefs.Take(Depth).Select(h => Address(server.BaseUrl, h)).ToList(),
                    Bytes(ourSite, server.Served.Where(s => s.Path.StartsWith("/zoeken/data/", StringComparison.Ordinal)
                        || s.Path.StartsWith("/zoeken/lib/", StringComparison.Ordinal) || s.Path == "/js/search.js"))));
                server.ClearServed();
                await page.Context.CloseAsync();
            }
        }
        var theirs = new List<RankedAnswer>();
        await using (var server = await PreviewServer.StartAsync(pagefindSite))
        {
            foreach (var query in queries)
            {
                var page = await (await browser.NewContextAsync()).NewPageAsync();
                await page.GotoAsync($"{server.BaseUrl}pagefind-probe.html?n={Depth}&q={Uri.EscapeDataString(query.Text)}");
                await page.WaitForSelectorAsync("body[data-urls]", new() { Timeout = 60_000, State = WaitForSelectorState.Attached });
                var urls = System.Text.Json.JsonSerializer.Deserialize<string[]>((await page.GetAttributeAsync("body", "data-urls"))!)!;
                theirs.Add(new RankedAnswer(urls.Select(u => Address(server.BaseUrl, u)).ToList(),
                    Bytes(pagefindSite, server.Served.Where(s => s.Path.StartsWith("/pagefind/", StringComparison.Ordinal)))));
                server.ClearServed();
                await page.Context.CloseAsync();
            }
        }
        return (ours, theirs);
    }

    /// <summary>A result's address as the judgments write it: from the site root, without index.html.</summary>
    private static string Address(string baseUrl, string href)
    {
        var url = new Uri(new Uri(baseUrl + "zoeken/"), href);
        var path = url.AbsolutePath.Replace("/index.html", "/", StringComparison.Ordinal);
        return path + url.Fragment;
    }

    private static long Bytes(string root, IEnumerable<ServedFile> served) =>
        served.Select(s => s.Path).Distinct().Sum(p => Measure.TransferBytes(File.ReadAllBytes(Path.Combine(root, p.TrimStart('/')))));

    public static string Report(IReadOnlyList<JudgedQuery> queries, IReadOnlyList<RankedAnswer> ours, IReadOnlyList<RankedAnswer> theirs, string machine)
    {
        static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
        static string Kb(double bytes) => (bytes / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KB";
        static string Top(RankedAnswer a) => a.Urls.Count == 0 ? "—" : $"`{a.Urls[0]}`";
        double Mean(IReadOnlyList<RankedAnswer> answers, Func<JudgedQuery, IReadOnlyList<string>, double> measure) =>
            queries.Select((q, i) => measure(q, answers[i].Urls)).Average();
        var sb = new StringBuilder();
        sb.AppendLine("# Zoekrelevantie: makers-site en Pagefind");
        sb.AppendLine();
        sb.AppendLine($"Gemaakt door `tests/benchmarks/relevance/run` (issue 26). {machine}");
        sb.AppendLine();
        sb.AppendLine($"{queries.Count} beoordeelde zoekvragen uit `queries.txt` (woorden, stammen, samenstellingen, typefouten, twee woorden, soort werk en plaats) " +
                      "op de standaardinhoud plus de twee verzonnen bedrijven met vacatures uit `tests/fixtures/zoeken`. Beide zoekers op dezelfde gebouwde HTML, " +
                      "elk met de eigen rangschikking, in Chromium met een lege cache per zoekvraag: makers-site via de zoekpagina `/zoeken/?q=…` zoals een bezoeker " +
                      "hem gebruikt (voorvoegsel terwijl je typt, typefouten, pagina's met alle woorden eerst), Pagefind 1.6.0 via zijn JavaScript-API (standaardinstellingen, " +
                      "`lang=\"nl\"`). Cijfer 2 is het antwoord dat iemand zoekt, 1 een pagina die de moeite waard is; MRR en nDCG@5 over de eerste vijf resultaten. " +
                      "Bytes: wat een eerste bezoeker voor de zoekvraag downloadt (gzip), zonder de pagina zelf.");
        sb.AppendLine();
        sb.AppendLine("| | makers-site | Pagefind 1.6.0 |");
        sb.AppendLine("|---|---|---|");
        sb.AppendLine($"| MRR | {F(Mean(ours, ReciprocalRank))} | {F(Mean(theirs, ReciprocalRank))} |");
        sb.AppendLine($"| nDCG@5 | {F(Mean(ours, Ndcg))} | {F(Mean(theirs, Ndcg))} |");
        sb.AppendLine($"| bytes per zoekvraag (mediaan) | {Kb(Median(ours.Select(a => a.Bytes)))} | {Kb(Median(theirs.Select(a => a.Bytes)))} |");
        sb.AppendLine();
        sb.AppendLine("| zoekvraag | makers-site: eerste resultaat | nDCG@5 | bytes | Pagefind: eerste resultaat | nDCG@5 | bytes |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        for (var i = 0; i < queries.Count; i++)
        {
            sb.AppendLine($"| {queries[i].Text} | {Top(ours[i])} | {F(Ndcg(queries[i], ours[i].Urls))} | {Kb(ours[i].Bytes)} | " +
                          $"{Top(theirs[i])} | {F(Ndcg(queries[i], theirs[i].Urls))} | {Kb(theirs[i].Bytes)} |");
        }
        var weak = queries.Select((q, i) => (q.Text, Score: Ndcg(q, ours[i].Urls))).Where(x => x.Score < 0.9).ToList();
        sb.AppendLine();
        sb.AppendLine("## Kanttekeningen");
        sb.AppendLine();
        sb.AppendLine("- De beoordelingen zijn gemaakt door wie de zoekfunctie bouwde, na het bouwen: ze staan in `queries.txt` zodat anderen ze kunnen nalopen en aanvullen.");
        sb.AppendLine("- Pagefind indexeert hier met zijn standaardinstellingen de hele `<body>` van elke pagina, ook kop, menu, voettekst en lijstpagina's " +
                      "(`/sectoren/…`, `/aspecten/…`, `/vacatures/`): de HTML heeft geen `data-pagefind-body`. Met die markering zou Pagefind waarschijnlijk beter scoren; dat is hier niet gemeten. " +
                      "Een vacature kan bij Pagefind geen eigen resultaat zijn; daar telt de bedrijfspagina (cijfer 1).");
        sb.AppendLine(weak.Count == 0
            ? "- Elke zoekvraag haalt bij makers-site nDCG@5 van minstens 0,9."
            : "- Onder 0,9 bij makers-site: " + string.Join(", ", weak.Select(w => $"`{w.Text}` ({F(w.Score)})")) + ".");
        return sb.ToString();
    }

    private static double Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2.0;
    }
}
