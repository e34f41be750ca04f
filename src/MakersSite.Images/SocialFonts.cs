using System.Security.Cryptography;
using SkiaSharp;

namespace MakersSite.Images;

/// <summary>
/// The fonts social images are drawn with: Inter (the site's font, from @fontsource/inter; its WOFF files load in
/// Skia, WOFF2 does not) in its latin and latin-ext subsets, then Noto Emoji for emoji, so no character falls
/// back to a tofu box. Each character is drawn with the first font that has a glyph for it.
/// </summary>
public sealed class SocialFonts : IDisposable
{
    // Opened on first use: a build whose share images all come from the cache (serve, mostly) never draws one.
    private readonly Lazy<(List<SKTypeface> Regular, List<SKTypeface> Bold)> _faces;

    public string Fingerprint { get; }

    private SocialFonts(IReadOnlyList<string> regular, IReadOnlyList<string> bold, IReadOnlyList<string> emoji, string fingerprint)
    {
        Fingerprint = fingerprint;
        _faces = new(() =>
        {
            static SKTypeface Open(string path) => SKTypeface.FromFile(path) ?? throw new InvalidOperationException($"Skia cannot read the font {path}.");
            var emojiFaces = emoji.Select(Open).ToList();
            return ([.. regular.Select(Open), .. emojiFaces], [.. bold.Select(Open), .. emojiFaces]);
        });
    }

    // Fingerprints worked out before in this process, by the files' paths, sizes and modification times: serve
    // builds again and again, and reading and hashing the fonts each time was a fifth of a rebuild.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Fingerprints = new(StringComparer.Ordinal);

    private static string FingerprintOf(IEnumerable<string> paths)
    {
        var files = paths.Select(p => new FileInfo(p)).ToList();
        var stamp = string.Join('\n', files.Select(f => $"{f.FullName}\t{f.Length}\t{f.LastWriteTimeUtc.Ticks}"));
        return Fingerprints.GetOrAdd(stamp, _ =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var file in files) hash.AppendData(File.ReadAllBytes(file.FullName));
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        });
    }

    public static IReadOnlyList<string> Files(string weight) =>
    [
        $"@fontsource/inter/files/inter-latin-{weight}-normal.woff",
        $"@fontsource/inter/files/inter-latin-ext-{weight}-normal.woff",
    ];

    public const string EmojiFolder = "@fontsource/noto-emoji/files";

    /// <summary>Loads the fonts from a theme's node_modules; null with the missing file when they are not installed.</summary>
    public static SocialFonts? Load(string nodeModules, out string? missing)
    {
        missing = null;
        var emoji = Directory.Exists(Path.Combine(nodeModules, EmojiFolder))
            ? Directory.GetFiles(Path.Combine(nodeModules, EmojiFolder), "noto-emoji-*-400-normal.woff").Order(StringComparer.Ordinal).ToList()
            : [];
        var paths = Files("400").Concat(Files("700")).Select(f => Path.Combine(nodeModules, f)).ToList();
        missing = paths.FirstOrDefault(p => !File.Exists(p)) ?? (emoji.Count == 0 ? Path.Combine(nodeModules, EmojiFolder) : null);
        if (missing is not null) return null;

        var regular = Files("400").Select(f => Path.Combine(nodeModules, f)).ToList();
        var bold = Files("700").Select(f => Path.Combine(nodeModules, f)).ToList();
        return new SocialFonts(regular, bold, emoji, FingerprintOf(regular.Concat(bold).Concat(emoji)));
    }

    /// <summary>The first typeface with a glyph for the code point; the primary one when none has it.</summary>
    public SKTypeface For(int codePoint, bool bold)
    {
        var faces = bold ? _faces.Value.Bold : _faces.Value.Regular;
        foreach (var face in faces)
        {
            if (face.ContainsGlyph(codePoint)) return face;
        }
        return faces[0];
    }

    /// <summary>Whether some font has a glyph for the code point (tests use it to prove there is no tofu).</summary>
    public bool Covers(int codePoint) => _faces.Value.Regular.Any(f => f.ContainsGlyph(codePoint));

    public void Dispose()
    {
        if (!_faces.IsValueCreated) return;
        foreach (var face in _faces.Value.Regular.Concat(_faces.Value.Bold).Distinct()) face.Dispose();
    }
}
