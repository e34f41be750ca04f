using System.Security.Cryptography;
using SkiaSharp;

namespace MakersSite.Images;

/// <summary>One resized file of a picture.</summary>
/// <param name="CachedFile">Where the resized file is, in the cache.</param>
public sealed record ImageVariant(int Width, string Format, string FileName, string CachedFile);

/// <summary>A member's photo or logo as pages show it: WebP and a fallback at a few widths, with its natural size.</summary>
public sealed record Picture(int Width, int Height, string FallbackFormat, IReadOnlyList<ImageVariant> Variants)
{
    public IEnumerable<ImageVariant> Of(string format) => Variants.Where(v => v.Format == format).OrderBy(v => v.Width);
}

/// <summary>
/// Resizes members' photos and logos at build time with SkiaSharp: a few widths (never wider than the original),
/// WebP plus JPEG (or PNG when the image has transparency) for browsers without WebP. Originals are not shipped.
/// Resized files are cached by a hash of the original's bytes, so an unchanged photo is not resized again.
/// </summary>
public sealed class ResponsiveImages(string cacheDirectory)
{
    public static readonly int[] Widths = [320, 640, 1024];
    public const int Version = 1;

    /// <param name="encode">False for check: work out names and sizes only, resize and write nothing.</param>
    /// <returns>Null when SkiaSharp cannot read the file as an image (damaged, or a format it lacks).</returns>
    public Picture? Prepare(string sourceFile, bool encode = true)
    {
        var bytes = File.ReadAllBytes(sourceFile);
        var name = Path.GetFileNameWithoutExtension(sourceFile);
        var key = Convert.ToHexStringLower(SHA256.HashData([.. bytes, (byte)Version]))[..16];
        var folder = Path.Combine(cacheDirectory, key);
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0) return null;
        var info = codec.Info;
        var fallback = info.AlphaType == SKAlphaType.Opaque ? "jpg" : "png";
        var widths = Widths.Where(w => w < info.Width).Append(Math.Min(info.Width, Widths[^1])).Distinct().Order().ToList();
        var variants = new List<ImageVariant>();
        SKBitmap? decoded = null;
        try
        {
            foreach (var width in widths)
            {
                foreach (var format in new[] { "webp", fallback })
                {
                    var file = Path.Combine(folder, $"{width}.{format}");
                    if (encode && !File.Exists(file))
                    {
                        decoded ??= SKBitmap.Decode(codec);
                        if (decoded is null) return null;
                        Directory.CreateDirectory(folder);
                        var height = Math.Max(1, (int)Math.Round(info.Height * (double)width / info.Width));
                        using var resized = decoded.Resize(new SKImageInfo(width, height, decoded.ColorType, decoded.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell));
                        using var image = SKImage.FromBitmap(resized);
                        using var data = image.Encode(format switch { "webp" => SKEncodedImageFormat.Webp, "png" => SKEncodedImageFormat.Png, _ => SKEncodedImageFormat.Jpeg }, 82);
                        var temporary = file + $".{Environment.CurrentManagedThreadId}.tmp";
                        File.WriteAllBytes(temporary, data.ToArray());
                        File.Move(temporary, file, overwrite: true);
                    }
                    variants.Add(new ImageVariant(width, format, $"{name}-{width}.{format}", file));
                }
            }
        }
        finally
        {
            decoded?.Dispose();
        }
        return new Picture(info.Width, info.Height, fallback, variants);
    }
}
