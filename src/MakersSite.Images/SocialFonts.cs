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
    private readonly List<SKTypeface> _regular;
    private readonly List<SKTypeface> _bold;

    /// <summary>A hash of every font file's bytes: part of each image's name, so a font update redraws them.</summary>
    public string Fingerprint { get; }

    private SocialFonts(List<SKTypeface> regular, List<SKTypeface> bold, string fingerprint)
    {
        _regular = regular;
        _bold = bold;
        Fingerprint = fingerprint;
    }

    /// <summary>The font files, in fallback order, relative to a theme's node_modules folder.</summary>
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

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        SKTypeface Open(string path)
        {
            hash.AppendData(File.ReadAllBytes(path));
            return SKTypeface.FromFile(path) ?? throw new InvalidOperationException($"Skia cannot read the font {path}.");
        }
        var regular = Files("400").Select(f => Open(Path.Combine(nodeModules, f))).ToList();
        var bold = Files("700").Select(f => Open(Path.Combine(nodeModules, f))).ToList();
        var emojiFaces = emoji.Select(Open).ToList();
        regular.AddRange(emojiFaces);
        bold.AddRange(emojiFaces);
        return new SocialFonts(regular, bold, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>The first typeface with a glyph for the code point; the primary one when none has it.</summary>
    public SKTypeface For(int codePoint, bool bold)
    {
        var faces = bold ? _bold : _regular;
        foreach (var face in faces)
        {
            if (face.ContainsGlyph(codePoint)) return face;
        }
        return faces[0];
    }

    /// <summary>Whether some font has a glyph for the code point (tests use it to prove there is no tofu).</summary>
    public bool Covers(int codePoint) => _regular.Any(f => f.ContainsGlyph(codePoint));

    public void Dispose()
    {
        foreach (var face in _regular.Concat(_bold).Distinct()) face.Dispose();
    }
}
