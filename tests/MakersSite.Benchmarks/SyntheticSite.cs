using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MakersSite.Benchmarks;

/// <summary>
/// Writes a synthetic site of N pages that is valid under the content model: company profiles of about 8 KB of
/// Markdown (text, a table, lists; sectors, municipalities, aspects) and kennisbank articles. Words follow a
/// Zipf distribution over the default content's own vocabulary plus Dutch-style compounds, so index sizes and
/// term frequencies look like a real Dutch site's. Deterministic for a given seed.
/// </summary>
public sealed partial class SyntheticSite(string repositoryRoot, int seed = 2026)
{
    private static readonly string[] Municipalities = ["beesel", "bergen", "gennep", "horst-aan-de-maas", "mook-en-middelaar", "peel-en-maas", "venlo", "venray"];
    private static readonly string[] Places = ["Beesel", "Bergen", "Gennep", "Horst", "Mook", "Panningen", "Venlo", "Venray"];
    private static readonly string[] Sectors = ["machinebouw", "metaal", "kunststoffen-en-materialen", "elektronica-en-regeltechniek", "hout-en-interieur", "voeding-en-agro", "maakindustrie"];
    private static readonly string[] Aspects = ["ontwerpen", "onderzoek", "internationale-samenwerking", "ontwikkeling", "verkoop", "marketing", "engineering", "logistiek", "productie"];

    /// <summary>The vocabulary of the last generated site, most frequent word first.</summary>
    public string[] Words { get; private set; } = [];

    /// <summary>Generates the site into <paramref name="root"/>: content/ plus the repository's theme (linked).</summary>
    public void Generate(string root, int pages)
    {
        var random = new Random(seed);
        var vocabulary = Vocabulary(random);
        Words = vocabulary;
        var zipf = new Zipf(vocabulary.Length, 1.05, random);
        string Text(int count, bool capitalise = false)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                if (i > 0) sb.Append(' ');
                var word = vocabulary[zipf.Next()];
                sb.Append(i == 0 && capitalise ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            }
            return sb.ToString();
        }
        string Sentence() => Text(random.Next(8, 18), capitalise: true) + ".";
        string Paragraph() => string.Join(' ', Enumerable.Range(0, random.Next(4, 7)).Select(_ => Sentence()));

        Trash.Move(root);
        var content = Path.Combine(root, "content");
        Directory.CreateDirectory(Path.Combine(content, "_data"));
        foreach (var file in Directory.GetFiles(Path.Combine(repositoryRoot, "content", "_data")))
            File.Copy(file, Path.Combine(content, "_data", Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(content, "site.yml"), """
            title: "Land van de Makers (benchmark)"
            baseUrl: "https://www.landvandemakers.nl/"
            language: "nl"
            description: "Een synthetische site om te meten."
            theme: "default"
            """);
        File.WriteAllText(Path.Combine(content, "index.md"), "---\ntitle: \"Benchmark\"\n---\nEen synthetische site.\n");
        Directory.CreateDirectory(Path.Combine(root, "themes"));
        Directory.CreateSymbolicLink(Path.Combine(root, "themes", "default"), Path.Combine(repositoryRoot, "themes", "default"));

        var lessons = pages * 15 / 100;
        for (var i = 0; i < pages - lessons; i++)
        {
            var m = random.Next(Municipalities.Length);
            var sectors = Enumerable.Range(0, random.Next(1, 3)).Select(_ => Sectors[random.Next(Sectors.Length)]).Distinct().ToList();
            var aspects = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Aspects[random.Next(Aspects.Length)]).Distinct().ToList();
            var title = $"{Capitalise(Text(2))} {i:D5}";
            var body = new StringBuilder();
            body.Append("## Wat we maken\n\n").Append(Paragraph()).Append("\n\n").Append(Paragraph()).Append("\n\n");
            body.Append("| Product | Materiaal | Toepassing |\n| --- | --- | --- |\n");
            for (var r = 0; r < 6; r++) body.Append($"| {Text(2)} | {Text(1)} | {Text(3)} |\n");
            body.Append("\n## Werken bij ons\n\n").Append(Paragraph()).Append("\n\n");
            for (var l = 0; l < 6; l++) body.Append("- ").Append(Sentence()).Append('\n');
            body.Append("\n## Samenwerking\n\n");
            while (body.Length < 7600) body.Append(Paragraph()).Append("\n\n");
            Write(content, $"bedrijven/bedrijf-{i:D5}/index.md", $"""
                ---
                title: "{title}"
                summary: "{Clip(Sentence(), 190)}"
                place: "{Places[m]}"
                municipality: {Municipalities[m]}
                sectors:
                {string.Join("\n", sectors.Select(s => "  - " + s))}
                aspects:
                {string.Join("\n", aspects.Select(a => "  - " + a))}
                employees: 50-249
                updated: 2026-10-01
                ---
                {body}
                """);
        }
        for (var i = 0; i < lessons; i++)
        {
            var body = new StringBuilder("## Probleem\n\n").Append(Paragraph()).Append("\n\n## Aanpak\n\n").Append(Paragraph())
                .Append("\n\n## Resultaat\n\n").Append(Paragraph()).Append('\n');
            Write(content, $"kennisbank/les-{i:D5}/index.md", $"""
                ---
                title: "{Capitalise(Text(4))} {i:D5}"
                summary: "{Clip(Sentence(), 190)}"
                date: 2025-{1 + i % 12:D2}-{1 + i % 28:D2}
                lessons:
                  - "{Clip(Sentence(), 120)}"
                  - "{Clip(Sentence(), 120)}"
                  - "{Clip(Sentence(), 120)}"
                sources:
                  - title: "{Capitalise(Text(3))}"
                ---
                {body}
                """);
        }
    }

    /// <summary>The default content's words, plus compounds of two of them (machine + bouw → machinebouw).</summary>
    private string[] Vocabulary(Random random)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(repositoryRoot, "content"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (Match m in WordPattern().Matches(File.ReadAllText(file).ToLowerInvariant())) words.Add(m.Value);
        }
        var basic = words.ToArray();
        random.Shuffle(basic);
        var compounds = new SortedSet<string>(StringComparer.Ordinal);
        while (compounds.Count < basic.Length * 8) compounds.Add(basic[random.Next(basic.Length)] + basic[random.Next(basic.Length)]);
        var all = basic.Concat(compounds.OrderBy(_ => random.Next())).ToArray();
        return all;
    }

    private static void Write(string content, string relative, string text)
    {
        var path = Path.Combine(content, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max].TrimEnd();

    [GeneratedRegex("[a-zà-ÿ]{3,}")] private static partial Regex WordPattern();

    /// <summary>Samples ranks 0..n-1 with probability proportional to 1/(rank+1)^s.</summary>
    private sealed class Zipf
    {
        private readonly double[] _cumulative;
        private readonly Random _random;

        public Zipf(int n, double s, Random random)
        {
            _random = random;
            _cumulative = new double[n];
            double total = 0;
            for (var i = 0; i < n; i++) _cumulative[i] = total += 1 / Math.Pow(i + 1, s);
            for (var i = 0; i < n; i++) _cumulative[i] /= total;
        }

        public int Next()
        {
            var index = Array.BinarySearch(_cumulative, _random.NextDouble());
            return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
        }
    }
}
