using MakersSite.Images;
using MakersSite.Rendering;

namespace MakersSite.Build;

/// <summary>
/// Draws every page's share image, or takes it from the cache outside public/ (.cache/social/ in the site root):
/// the file name is a hash of everything that shapes the image, so an unchanged page is never drawn again and a
/// changed one gets a new URL, which makes social networks fetch it afresh.
/// </summary>
public sealed class SocialImages(string cacheDirectory, SocialImageRenderer renderer)
{
    public const string OutputFolder = "social";

    /// <summary>Output path → cached file, for the write phase.</summary>
    public SortedDictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public int Drawn { get; private set; }

    // A handful of icons serve every page: each file is read once per build.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _icons = new(StringComparer.Ordinal);
    private string ReadIcon(string file) => _icons.GetOrAdd(file, File.ReadAllText);

    /// <param name="draw">False for check: name the images but draw nothing.</param>
    public IReadOnlyDictionary<string, ShareImage> Prepare(IReadOnlyList<(string Url, ShareCard Card)> cards, bool draw = true)
    {
        Directory.CreateDirectory(cacheDirectory);
        var planned = cards.Select(c =>
        {
            var logo = c.Card.LogoFile is { } file && File.Exists(file) ? File.ReadAllBytes(file) : null;
            var icon = c.Card.IconFile is { } iconFile && File.Exists(iconFile) ? ReadIcon(iconFile) : null;
            var card = new SocialCard(c.Card.Kind, c.Card.Title, c.Card.Subtitle, logo, icon, c.Card.Accent, c.Card.Monogram);
            return (c.Url, c.Card, Social: card, Hash: renderer.Hash(card));
        }).ToList();

        // The cache's files listed once: asking the file system for each page's image (twice, under two extensions)
        // cost more than the rest of this phase on a big site whose images are all there.
        var present = Directory.EnumerateFiles(cacheDirectory).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        string? Cached(string hash) =>
            present.Contains($"{hash}.png") ? Path.Combine(cacheDirectory, $"{hash}.png")
            : present.Contains($"{hash}.jpg") ? Path.Combine(cacheDirectory, $"{hash}.jpg")
            : null;

        // Draw each distinct missing image once, on every core.
        var missing = draw ? planned.DistinctBy(p => p.Hash).Where(p => Cached(p.Hash) is null).ToList() : [];
        Parallel.ForEach(missing, p =>
        {
            var image = renderer.Render(p.Social);
            var path = Path.Combine(cacheDirectory, $"{p.Hash}.{image.Extension}");
            var temporary = path + $".{Environment.CurrentManagedThreadId}.tmp";
            File.WriteAllBytes(temporary, image.Bytes);
            File.Move(temporary, path, overwrite: true);
            lock (present) present.Add(Path.GetFileName(path));
        });
        Drawn = missing.Count;

        var result = new Dictionary<string, ShareImage>(StringComparer.Ordinal);
        foreach (var p in planned)
        {
            var cached = Cached(p.Hash) ?? Path.Combine(cacheDirectory, $"{p.Hash}.png");
            var output = $"{OutputFolder}/{Path.GetFileName(cached)}";
            if (draw) Files[output] = cached;
            var alt = p.Card.Kind.Length > 0 ? $"{p.Card.Kind}: {p.Card.Title} – Land van de Makers" : $"{p.Card.Title} – Land van de Makers";
            result[p.Url] = new ShareImage("/" + output, alt, SocialImageRenderer.Width, SocialImageRenderer.Height);
        }
        return result;
    }
}
