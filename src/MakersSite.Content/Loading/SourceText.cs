using System.Text;
using MakersSite.Content.Diagnostics;

namespace MakersSite.Content.Loading;

/// <summary>Reads a content file as strict UTF-8: BOM removed, CRLF folded to LF, invalid bytes reported with their line.</summary>
public static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Read(string path, string relativePath, DiagnosticBag diagnostics)
    {
        var bytes = File.ReadAllBytes(path);
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var offset = start + Math.Max(0, e.Index);
            var line = 1 + bytes.AsSpan(0, Math.Min(offset, bytes.Length)).Count((byte)'\n');
            diagnostics.Error(relativePath, line, 0, null,
                "Het bestand is geen UTF-8-tekst (er staat een ongeldig teken op deze regel). " +
                "Sla het bestand op met de codering UTF-8.");
            return null;
        }
        return text.Replace("\r\n", "\n").Replace('\r', '\n');
    }
}
