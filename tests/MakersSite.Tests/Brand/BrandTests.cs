using System.Text.RegularExpressions;
using MakersSite.Images;
using MakersSite.Rendering;
using MakersSite.Tests.Infrastructure;
using SkiaSharp;

namespace MakersSite.Tests.Brand;

/// <summary>The design system's parts that are not a browser's to check: tokens, icons, monograms, the QR code.</summary>
public sealed class BrandTests
{
    private static readonly string Css = File.ReadAllText(Path.Combine(Repository.Root, "themes/default/static/css/site.css"));

    private static SKColor Token(string name)
    {
        var match = Regex.Match(Css, $@"--{Regex.Escape(name)}:\s*#([0-9a-f]{{6}});");
        Assert.True(match.Success, $"site.css has no token --{name}");
        return SKColor.Parse(match.Groups[1].Value);
    }

    [Fact]
    public void Share_images_draw_with_the_css_tokens_colours()
    {
        Assert.Equal(Token("red"), SocialImageRenderer.Red);
        Assert.Equal(Token("ink"), SocialImageRenderer.Ink);
        foreach (var (name, colour) in SocialPalette.Colours.Where(c => c.Key != SocialPalette.Brand))
            Assert.Equal(Token(name), colour);
    }

    private static double Luminance(SKColor c)
    {
        static double Channel(byte v) => v / 255.0 <= 0.03928 ? v / 255.0 / 12.92 : Math.Pow((v / 255.0 + 0.055) / 1.055, 2.4);
        return 0.2126 * Channel(c.Red) + 0.7152 * Channel(c.Green) + 0.0722 * Channel(c.Blue);
    }

    private static double Contrast(SKColor a, SKColor b)
    {
        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    [Theory]
    [InlineData("bedrijven")]
    [InlineData("vacatures")]
    [InlineData("projecten")]
    [InlineData("kennisbank")]
    [InlineData("rugzak")]
    public void Each_section_colour_takes_white_text_and_its_tint_takes_ink_at_AA(string section)
    {
        Assert.True(Contrast(Token(section), SKColors.White) >= 4.5, $"white on --{section}: {Contrast(Token(section), SKColors.White):0.00}");
        Assert.True(Contrast(Token(section + "-tint"), Token("ink")) >= 12, $"ink on --{section}-tint");
        // The accent is also the colour of small text on its own tint (labels, step numbers).
        Assert.True(Contrast(Token(section), Token(section + "-tint")) >= 4.5, $"--{section} on its tint: {Contrast(Token(section), Token(section + "-tint")):0.00}");
    }

    public static TheoryData<string> Icons => new(Directory.GetFiles(Path.Combine(Repository.Root, "themes/default/static/img/icons"), "*.svg").Select(Path.GetFileNameWithoutExtension)!);

    [Theory]
    [MemberData(nameof(Icons))]
    public void Every_icon_is_stroked_paths_on_the_24_grid_that_share_images_can_draw(string name)
    {
        var svg = File.ReadAllText(Path.Combine(Repository.Root, "themes/default/static/img/icons", name + ".svg"));
        Assert.Contains("viewBox=\"0 0 24 24\"", svg);
        // Only path elements: the share images parse d attributes and nothing else (no circle, no text, no script).
        var elements = Regex.Matches(svg, "<([a-z]+)").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(["svg", "path"], elements);
        var paths = SocialImageRenderer.IconPaths(svg);
        Assert.NotEmpty(paths);
        foreach (var path in paths)
        {
            Assert.True(path.Bounds.Left >= 0 && path.Bounds.Top >= 0 && path.Bounds.Right <= 24 && path.Bounds.Bottom <= 24, $"{name} leaves the grid: {path.Bounds}");
            path.Dispose();
        }
    }

    [Fact]
    public void Every_aspect_and_flat_of_the_default_content_has_an_icon_of_its_own()
    {
        var icons = ThemeIcons.Read(Path.Combine(Repository.Root, "themes/default/static"));
        var aspects = Regex.Matches(File.ReadAllText(Path.Combine(Repository.Root, "content/_data/aspects.yml")), @"^- slug: (\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        var flats = Directory.GetDirectories(Path.Combine(Repository.Root, "content/flats")).Select(Path.GetFileName).ToList();
        Assert.Equal(9, aspects.Count);
        Assert.Equal(4, flats.Count);
        foreach (var name in aspects.Concat(flats!)) Assert.Equal(name, icons.Name(name, "rugzak"));
        // A name without an icon gets its section's.
        Assert.Equal("/img/icons/rugzak.svg", icons.Url("nieuw-aspect", "rugzak"));
    }

    [Theory]
    [InlineData("Blue Engineering", "BE")]
    [InlineData("Christiaens Group", "C")]
    [InlineData("WP Haton", "WH")]
    [InlineData("Leolux", "L")]
    [InlineData("Verhoeven Timmerfabriek B.V.", "VT")]
    [InlineData("Één & Ander", "ÉA")]
    [InlineData("3D Makers Venlo", "3M")]
    [InlineData("Group", "G")]
    public void A_monogram_is_the_first_letters_of_the_first_two_names(string name, string monogram) =>
        Assert.Equal(monogram, Monogram.Of(name));

    [Fact]
    public void The_print_sheets_qr_code_scans_as_the_companys_address()
    {
        const string url = "https://www.landvandemakers.nl/bedrijven/blue-engineering/";
        var svg = QrCode.Svg(url);

        // Draw the SVG's one path as a printer would, then read it as a phone's scanner does.
        var size = int.Parse(Regex.Match(svg, "viewBox=\"0 0 (\\d+) ").Groups[1].Value);
        const int scale = 8;
        using var bitmap = new SKBitmap(size * scale, size * scale);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            using var path = SKPath.ParseSvgPathData(Regex.Match(svg, "<path[^>]* d=\"([^\"]+)\"").Groups[1].Value);
            using var paint = new SKPaint { Color = SKColors.Black };
            canvas.DrawPath(path, paint);
        }
        var pixels = bitmap.Pixels.SelectMany(p => new[] { p.Red, p.Green, p.Blue }).ToArray();
        var source = new ZXing.RGBLuminanceSource(pixels, bitmap.Width, bitmap.Height, ZXing.RGBLuminanceSource.BitmapFormat.RGB24);
        var result = new ZXing.QrCode.QRCodeReader().decode(new ZXing.BinaryBitmap(new ZXing.Common.HybridBinarizer(source)));

        Assert.NotNull(result);
        Assert.Equal(url, result.Text);
        // The quiet zone the standard asks for: four light modules on every side.
        Assert.DoesNotContain("M0 ", svg);
        Assert.DoesNotMatch(@"M[0-3] ", svg);
    }
}
