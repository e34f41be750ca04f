using System.Diagnostics;
using MakersSite.Output;

namespace MakersSite.Benchmarks;

/// <summary>What the own HTML scanner saves over AngleSharp's tokenizer alone, on the pages a build wrote.</summary>
public sealed record TokenizingCost(int Pages, int Scanned, double ScannerSeconds, double AngleSharpSeconds);

public static class PostProcessingCost
{
    /// <summary>Tokenizes every page both ways on one thread, twice, and keeps the faster pass of each.</summary>
    public static TokenizingCost Measure(string output)
    {
        var pages = Directory.GetFiles(output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var scanned = 0;
        double Best(Action<string> tokenize) => Enumerable.Range(0, 2).Min(_ =>
        {
            var clock = Stopwatch.StartNew();
            foreach (var page in pages) tokenize(page);
            return clock.Elapsed.TotalSeconds;
        });
        var scanner = Best(page =>
        {
            PageTokens.Tokenize(page, out var byScanner);
            if (byScanner) scanned++;
        });
        var angleSharp = Best(page => PageTokens.WithAngleSharp(page));
        return new TokenizingCost(pages.Count, scanned / 2, scanner, angleSharp);
    }
}
