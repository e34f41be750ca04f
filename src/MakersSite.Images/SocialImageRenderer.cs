using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SkiaSharp;

namespace MakersSite.Images;

/// <summary>
/// What a page's share image shows. Kind is the small label above the title ("Bedrijf"), or empty. The colour field
/// on the right is the section's <paramref name="Accent"/> and holds the logo, else the icon (an SVG of the theme's,
/// of stroked paths on a 24-unit grid), else the monogram.
/// </summary>
public sealed record SocialCard(string Kind, string Title, string Subtitle, byte[]? Logo = null, string? Icon = null,
    string Accent = SocialPalette.Brand, string? Monogram = null);

/// <summary>The brand's colours as the share images draw them: the same as the theme's CSS tokens (a test compares).</summary>
public static class SocialPalette
{
    public const string Brand = "red";

    public static readonly IReadOnlyDictionary<string, SKColor> Colours = new Dictionary<string, SKColor>(StringComparer.Ordinal)
    {
        [Brand] = new(0xC8, 0x10, 0x2E),
        ["bedrijven"] = new(0xC8, 0x10, 0x2E),
        ["vacatures"] = new(0x0B, 0x6E, 0x69),
        ["projecten"] = new(0x1F, 0x4E, 0x9C),
        ["kennisbank"] = new(0x2E, 0x6B, 0x30),
        ["rugzak"] = new(0xB3, 0x47, 0x00),
    };

    public static SKColor Of(string name) => Colours.GetValueOrDefault(name, Colours[Brand]);
}

/// <summary>An encoded share image.</summary>
public sealed record SocialImage(byte[] Bytes, string Extension);

/// <summary>
/// Draws the 1200×630 share image of a page with SkiaSharp: the red band and flag of Land van de Makers, the kind,
/// the title (the only thing X shows) and a subtitle on white, and on the right a field in the section's colour
/// with the company logo, the aspect's or flat's icon, or the company's monogram. Text stays inside the safe area: it
/// wraps on word boundaries, shrinks to fit, takes at most three lines and then ends in an ellipsis; a word too
/// long for a line even at the smallest size is hyphenated, never cut off.
/// </summary>
public sealed class SocialImageRenderer(SocialFonts fonts)
{
    public const int Width = 1200;
    public const int Height = 630;
    /// <summary>Bump when the drawing changes, so every image gets a new name and social caches refresh.</summary>
    public const int TemplateVersion = 2;
    public const int MaxBytes = 300 * 1024;

    /// <summary>Everything but the full-bleed top band and colour field stays inside this rectangle.</summary>
    public static readonly SKRect SafeArea = new(60, 40, 1140, 590);
    public const float BandHeight = 14;
    /// <summary>The colour field runs from here to the right edge, top to bottom; text stays left of <see cref="TextRight"/>.</summary>
    public const float FieldLeft = 800;
    public const float TextRight = FieldLeft - 50;
    private const float BadgeSize = 260;

    public static readonly SKColor Paper = SKColors.White;
    public static readonly SKColor Red = new(0xC8, 0x10, 0x2E);
    public static readonly SKColor Ink = new(0x1D, 0x1D, 0x1B);
    public static readonly SKColor Muted = new(0x55, 0x52, 0x4D);

    private static readonly float[] TitleSizes = [76, 70, 64, 58, 52, 48, 44, 40];
    private const float LineHeight = 1.14f;
    private const int MaxTitleLines = 3;
    private const float FooterTop = 520;

    /// <summary>The image's name: a hash of everything that shapes it (template, fonts, text, colour, monogram, icon, logo bytes).</summary>
    public string Hash(SocialCard card)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{TemplateVersion}\n{fonts.Fingerprint}\n{card.Kind}\n{card.Title}\n{card.Subtitle}\n{card.Accent}\n{card.Monogram}\n{card.Icon}\n"));
        if (card.Logo is not null) hash.AppendData(SHA256.HashData(card.Logo));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..20];
    }

    public SocialImage Render(SocialCard card)
    {
        using var bitmap = Draw(card);
        // Text on a plain background is always smallest as PNG; only a photo-like logo can make JPEG win.
        return Encode(bitmap, tryJpeg: card.Logo is not null);
    }

    public SKBitmap Draw(SocialCard card)
    {
        // Opaque: the PNG encoder then writes RGB without an alpha channel, a quarter less to compress.
        var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(Paper);
        var accent = SocialPalette.Of(card.Accent);
        using (var band = new SKPaint { Color = Red }) canvas.DrawRect(0, 0, FieldLeft, BandHeight, band);
        using (var field = new SKPaint { Color = accent }) canvas.DrawRect(FieldLeft, 0, Width - FieldLeft, Height, field);
        DrawBadge(canvas, card, accent);

        var textRight = TextRight;
        var y = SafeArea.Top + 40;
        if (card.Kind.Length > 0)
        {
            var kind = Fit(card.Kind.ToUpperInvariant(), 26, bold: true, textRight - SafeArea.Left);
            DrawLine(canvas, kind, SafeArea.Left, y, 26, bold: true, accent);
            y += 30;
        }

        const float subtitleSize = 32f;
        var subtitle = card.Subtitle.Length == 0 ? [] : Wrap(card.Subtitle, subtitleSize, textRight - SafeArea.Left, allowBreaks: true, bold: false)!;
        if (subtitle.Count > 2)
        {
            subtitle = subtitle.Take(2).ToList();
            subtitle[^1] = Ellipsis(subtitle[^1], subtitleSize, textRight - SafeArea.Left, bold: false);
        }
        var titleBottom = FooterTop - 28 - subtitle.Count * subtitleSize * LineHeight;
        var (size, lines) = LayoutTitle(card.Title, textRight - SafeArea.Left, titleBottom - y);
        foreach (var line in lines)
        {
            DrawLine(canvas, line, SafeArea.Left, y + size * 0.96f, size, bold: true, Ink);
            y += size * LineHeight;
        }
        y += 12;
        foreach (var line in subtitle)
        {
            DrawLine(canvas, line, SafeArea.Left, y + subtitleSize * 0.96f, subtitleSize, bold: false, Muted);
            y += subtitleSize * LineHeight;
        }

        DrawFlag(canvas, SafeArea.Left, FooterTop + 8, 44);
        DrawLine(canvas, "Land van de Makers", SafeArea.Left + 60, FooterTop + 44, 30, bold: true, Ink);
        return bitmap;
    }

    /// <summary>The largest title size whose wrapped lines fit in the box: whole words first, hyphenated words only when nothing else fits.</summary>
    public (float Size, IReadOnlyList<string> Lines) LayoutTitle(string title, float width, float height)
    {
        foreach (var allowBreaks in new[] { false, true })
        {
            foreach (var size in TitleSizes)
            {
                var maxLines = Math.Min(MaxTitleLines, (int)(height / (size * LineHeight)));
                var lines = Wrap(title, size, width, allowBreaks, maxLines: maxLines);
                if (lines is not null && lines.Count <= maxLines) return (size, lines);
            }
        }
        // Too long even at the smallest size: three lines, the last one ending in an ellipsis.
        var smallest = TitleSizes[^1];
        var all = Wrap(title, smallest, width, allowBreaks: true, maxLines: MaxTitleLines)!;
        var kept = all.Take(MaxTitleLines).ToList();
        kept[^1] = Ellipsis(kept[^1], smallest, width);
        return (smallest, kept);
    }

    /// <summary>Greedy word wrap; null when a word is wider than a line and breaking words is not allowed.</summary>
    /// <param name="maxLines">Stop after one line more than this: the caller has its answer, and a title of one
    /// 10,000-letter word would otherwise be wrapped into hundreds of lines at every size.</param>
    private List<string>? Wrap(string text, float size, float width, bool allowBreaks, bool bold = true, int maxLines = int.MaxValue)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (Measure(candidate, size, bold) <= width)
            {
                line = candidate;
                continue;
            }
            if (line.Length > 0) lines.Add(line);
            line = word;
            while (lines.Count <= maxLines && Measure(line, size, bold) > width)
            {
                if (!allowBreaks) return null;
                var (head, tail) = Hyphenate(line, size, width, bold);
                lines.Add(head);
                line = tail;
            }
            if (lines.Count > maxLines) return lines;
        }
        if (line.Length > 0) lines.Add(line);
        return lines;
    }

    /// <summary>
    /// Splits a long word as late as fits, preferring a break before a consonant that follows a vowel
    /// (machine-bouw, arbeids-markt) over a break anywhere.
    /// </summary>
    private (string Head, string Tail) Hyphenate(string word, float size, float width, bool bold)
    {
        var elements = StringInfo.GetTextElementEnumerator(word);
        var cuts = new List<int>();
        // No line holds more letters than this (no glyph of the fonts is narrower than a tenth of the size).
        var most = (int)(width / (size * 0.1f)) + 2;
        while (cuts.Count < most && elements.MoveNext()) if (elements.ElementIndex > 0) cuts.Add(elements.ElementIndex);
        // Prefix widths only grow, so the fitting cuts are a leading run of the list: found by bisection.
        var (low, high) = (0, cuts.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (Measure(word[..cuts[middle]] + "-", size, bold) <= width) low = middle + 1;
            else high = middle;
        }
        var fitting = cuts.Take(low).ToList();
        if (fitting.Count == 0) return (word[..cuts.FirstOrDefault(word.Length)], word[cuts.FirstOrDefault(word.Length)..]);
        var last = fitting[^1];
        var syllable = fitting.LastOrDefault(c => c >= last * 2 / 3 && IsVowel(word[c - 1]) && !IsVowel(word[c]) && c + 1 < word.Length);
        var cut = syllable > 0 ? syllable : last;
        return (word[..cut] + "-", word[cut..]);
    }

    private static bool IsVowel(char c) => "aeiouyáéíóúäëïöüàèìòù".Contains(char.ToLowerInvariant(c));

    private string Ellipsis(string line, float size, float width, bool bold = true)
    {
        var text = line.TrimEnd('-');
        while (text.Length > 0 && Measure(text + "…", size, bold) > width) text = DropLast(text).TrimEnd();
        return text + "…";
    }

    /// <summary>One line of text cut to the width with an ellipsis when needed.</summary>
    private string Fit(string text, float size, bool bold, float width)
    {
        if (Measure(text, size, bold) <= width) return text;
        // No line holds more letters than this; cutting there first keeps the loop below short for any text.
        var most = (int)(width / (size * 0.1f)) + 2;
        if (text.Length > most) text = char.IsHighSurrogate(text[most - 1]) ? text[..(most - 1)] : text[..most];
        while (text.Length > 0 && Measure(text + "…", size, bold) > width) text = DropLast(text);
        return text.TrimEnd() + "…";
    }

    /// <summary>The text without its last character, never splitting a surrogate pair.</summary>
    private static string DropLast(string text) =>
        text.Length >= 2 && char.IsLowSurrogate(text[^1]) ? text[..^2] : text[..^1];

    /// <summary>Width of text drawn run by run, each run in the first font that has its characters.</summary>
    public float Measure(string text, float size, bool bold)
    {
        float width = 0;
        foreach (var (run, face) in Runs(text, bold))
        {
            using var font = new SKFont(face, size);
            width += font.MeasureText(run);
        }
        return width;
    }

    private void DrawLine(SKCanvas canvas, string text, float x, float baseline, float size, bool bold, SKColor color)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        foreach (var (run, face) in Runs(text, bold))
        {
            using var font = new SKFont(face, size) { Subpixel = true, Edging = SKFontEdging.Antialias };
            canvas.DrawText(run, x, baseline, SKTextAlign.Left, font, paint);
            x += font.MeasureText(run);
        }
    }

    // Zero-width joiners and variation selectors shape emoji sequences; without a shaper they would draw as boxes.
    private static bool IsInvisible(int codePoint) => codePoint is 0x200D or 0xFE0E or 0xFE0F or 0x200B or 0xFEFF;

    private IEnumerable<(string Run, SKTypeface Face)> Runs(string text, bool bold)
    {
        var sb = new StringBuilder();
        SKTypeface? current = null;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsInvisible(rune.Value)) continue;
            var face = fonts.For(rune.Value, bold);
            if (current is not null && face != current)
            {
                yield return (sb.ToString(), current);
                sb.Clear();
            }
            current = face;
            sb.Append(rune.ToString());
        }
        if (current is not null && sb.Length > 0) yield return (sb.ToString(), current);
    }

    private static void DrawFlag(SKCanvas canvas, float x, float y, float size, SKColor? colour = null)
    {
        using var pole = new SKPaint { Color = colour ?? Ink, IsAntialias = true };
        using var cloth = new SKPaint { Color = colour ?? Red, IsAntialias = true };
        canvas.DrawRect(x, y, size * 0.09f, size, pole);
        using var path = new SKPath();
        path.MoveTo(x + size * 0.09f, y);
        path.LineTo(x + size * 0.95f, y + size * 0.28f);
        path.LineTo(x + size * 0.09f, y + size * 0.56f);
        path.Close();
        canvas.DrawPath(path, cloth);
    }

    /// <summary>The field's centre piece on a white badge: the logo, else the icon, else the monogram.</summary>
    private void DrawBadge(SKCanvas canvas, SocialCard card, SKColor accent)
    {
        var centre = new SKPoint(FieldLeft + (Width - FieldLeft) / 2, Height / 2f);
        var box = SKRect.Create(centre.X - BadgeSize / 2, centre.Y - BadgeSize / 2, BadgeSize, BadgeSize);
        using var white = new SKPaint { Color = Paper, IsAntialias = true };
        using var logo = card.Logo is null ? null : DecodeLogo(card.Logo);
        if (logo is not null)
        {
            canvas.DrawRoundRect(box, 28, 28, white);
            var inner = BadgeSize - 60;
            var scale = Math.Min(inner / logo.Width, inner / logo.Height);
            var (w, h) = (logo.Width * scale, logo.Height * scale);
            using var image = SKImage.FromBitmap(logo);
            canvas.DrawImage(image, SKRect.Create(centre.X - w / 2, centre.Y - h / 2, w, h), new SKSamplingOptions(SKCubicResampler.Mitchell), white);
            return;
        }
        if (card.Icon is not null && IconPaths(card.Icon) is { Count: > 0 } paths)
        {
            canvas.DrawCircle(centre, BadgeSize / 2, white);
            const float iconSize = 150;
            var scale = iconSize / 24f;
            using var stroke = new SKPaint
            {
                Color = accent, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2,
                StrokeCap = SKStrokeCap.Round, StrokeJoin = SKStrokeJoin.Round,
            };
            canvas.Save();
            canvas.Translate(centre.X - iconSize / 2, centre.Y - iconSize / 2);
            canvas.Scale(scale);
            foreach (var path in paths)
            {
                canvas.DrawPath(path, stroke);
                path.Dispose();
            }
            canvas.Restore();
            return;
        }
        if (card.Monogram is { Length: > 0 } letters)
        {
            canvas.DrawRoundRect(box, 28, 28, white);
            var size = letters.Length > 1 ? 120f : 150f;
            var width = Measure(letters, size, bold: true);
            DrawLine(canvas, letters, centre.X - width / 2, centre.Y + size * 0.36f, size, bold: true, accent);
            return;
        }
        DrawFlag(canvas, centre.X - 80, centre.Y - 80, 160, Paper);
    }

    /// <summary>The d attributes of an icon's path elements, parsed; an icon of other shapes draws nothing.</summary>
    public static List<SKPath> IconPaths(string svg)
    {
        var paths = new List<SKPath>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(svg, "<path\\b[^>]*?\\sd=\"([^\"]*)\""))
            if (SKPath.ParseSvgPathData(m.Groups[1].Value) is { } path) paths.Add(path);
        return paths;
    }

    private static SKBitmap? DecodeLogo(byte[] bytes)
    {
        // A logo SkiaSharp cannot read is left out (the build reports it at the field); Decode(bytes) would throw.
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        if (codec is null) return null;
        var logo = SKBitmap.Decode(codec);
        if (logo is null || logo.Width == 0 || logo.Height == 0)
        {
            logo?.Dispose();
            return null;
        }
        return logo;
    }

    /// <summary>PNG or JPEG, whichever is smaller; JPEG quality goes down until the image is within WhatsApp's 300 KB.</summary>
    public static SocialImage Encode(SKBitmap bitmap, bool tryJpeg = true)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var pixels = bitmap.PeekPixels();
        // zlib level 2 with the Sub filter: about three times faster than the defaults, a few percent larger.
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 2))
            ?? throw new InvalidOperationException("PNG encoding failed.");
        var best = new SocialImage(png.ToArray(), "png");
        if (!tryJpeg && best.Bytes.Length <= MaxBytes) return best;
        foreach (var quality in new[] { 88, 80, 70, 60 })
        {
            using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, quality);
            if (jpeg.Size < best.Bytes.Length) best = new SocialImage(jpeg.ToArray(), "jpg");
            if (best.Bytes.Length <= MaxBytes) break;
        }
        return best;
    }
}
