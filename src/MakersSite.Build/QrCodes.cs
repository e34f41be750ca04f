using System.Security.Cryptography;
using System.Text;
using MakersSite.Content.Assembly;
using MakersSite.Content.Schema;
using MakersSite.Images;

namespace MakersSite.Build;

/// <summary>
/// The QR codes of the companies' print sheets, each drawn once per address into the cache outside public/
/// (.cache/qr/ in the site root: a code depends on the address only) and linked into public/qr/ as share images are.
/// Encoding a code costs about half a millisecond, which on every save in serve added up for hundreds of companies.
/// </summary>
internal sealed class QrCodes(string cacheDirectory)
{
    /// <summary>In a folder of their own, so no file a member puts in a company's folder can take the name.</summary>
    public const string OutputFolder = "qr";

    /// <summary>Bump when the drawing changes, so cached codes are drawn again.</summary>
    private const int Version = 1;

    /// <summary>Output path → cached file, for the write phase.</summary>
    public SortedDictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    /// <param name="draw">False for check: name the files (pages link to them) but draw nothing.</param>
    public void Prepare(SiteGraph graph, bool draw)
    {
        var wanted = graph.InSection(ContentSchemas.Companies).Select(company =>
        {
            var url = graph.Content.Site.BaseUrlWithoutSlash + company.Url;
            var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Version}\n{url}")))[..20] + ".svg";
            return (Output: $"{OutputFolder}/{company.Slug}.svg", Url: url, File: Path.Combine(cacheDirectory, name));
        }).ToList();
        foreach (var code in wanted) Files[code.Output] = code.File;
        if (!draw) return;

        Directory.CreateDirectory(cacheDirectory);
        var present = Directory.EnumerateFiles(cacheDirectory).ToHashSet(StringComparer.Ordinal);
        Parallel.ForEach(wanted.Where(w => !present.Contains(w.File)).DistinctBy(w => w.File), code =>
        {
            var temporary = code.File + $".{Environment.CurrentManagedThreadId}.tmp";
            File.WriteAllText(temporary, QrCode.Svg(code.Url));
            File.Move(temporary, code.File, overwrite: true);
        });
    }
}
