using System.Buffers.Binary;

namespace MakersSite.Content.Files;

/// <summary>
/// An image's format and size read from its first bytes, before any pixel is decoded: a renamed text file is no
/// image, and a few hundred bytes can declare 50,000 × 50,000 pixels, which a decoder would try to allocate.
/// </summary>
public sealed record ImageHeader(string Format, int Width, int Height)
{
    /// <summary>How far into a JPEG its size may stand (after EXIF and colour profiles).</summary>
    private const int JpegScanLimit = 1 << 20;

    /// <summary>The header of a PNG, JPEG, GIF or WebP file, or null for anything else (or a header that is cut off).</summary>
    public static ImageHeader? Read(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[32];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return read >= 24 && head[12..16].SequenceEqual("IHDR"u8)
                ? Sized("png", BinaryPrimitives.ReadInt32BigEndian(head[16..]), BinaryPrimitives.ReadInt32BigEndian(head[20..]))
                : null;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
            return read >= 10 ? Sized("gif", BinaryPrimitives.ReadUInt16LittleEndian(head[6..]), BinaryPrimitives.ReadUInt16LittleEndian(head[8..])) : null;
        if (read >= 30 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return WebP(head);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg(stream);
        return null;
    }

    private static ImageHeader? WebP(ReadOnlySpan<byte> head)
    {
        var chunk = head[12..16];
        var data = head[20..];
        if (chunk.SequenceEqual("VP8 "u8) && data[3..6].SequenceEqual((ReadOnlySpan<byte>)[0x9D, 0x01, 0x2A]))
            return Sized("webp", BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF);
        if (chunk.SequenceEqual("VP8L"u8) && data[0] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
            return Sized("webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
            return Sized("webp", (data[4] | data[5] << 8 | data[6] << 16) + 1, (data[7] | data[8] << 8 | data[9] << 16) + 1);
        return null;
    }

    /// <summary>Walks the JPEG's segments up to its first frame header (SOFn), which holds the size.</summary>
    private static ImageHeader? Jpeg(Stream stream)
    {
        stream.Position = 2;
        Span<byte> marker = stackalloc byte[9];
        while (stream.Position < JpegScanLimit)
        {
            if (stream.ReadAtLeast(marker[..4], 4, throwOnEndOfStream: false) < 4 || marker[0] != 0xFF) return null;
            var type = marker[1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(marker[2..]);
            if (length < 2) return null;
            // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
            if (type is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                if (stream.ReadAtLeast(marker[..5], 5, throwOnEndOfStream: false) < 5) return null;
                return Sized("jpeg", BinaryPrimitives.ReadUInt16BigEndian(marker[3..]), BinaryPrimitives.ReadUInt16BigEndian(marker[1..]));
            }
            if (type is 0xD9 or 0xDA) return null; // end of image or start of scan before any frame header
            stream.Position += length - 2;
        }
        return null;
    }

    private static ImageHeader? Sized(string format, int width, int height) =>
        width > 0 && height > 0 ? new ImageHeader(format, width, height) : null;
}
