using System.Text;
using MakersSite.Content.Diagnostics;
using MakersSite.Content.Files;

namespace MakersSite.Content.Loading;

/// <summary>
/// Reads a content file as strict UTF-8: BOM removed, CRLF folded to LF. Refused with a message naming line and
/// column: a link or a special file (never opened), a file over <see cref="MaxBytes"/>, invalid bytes, control
/// characters and the invisible characters that reverse the reading direction (they make text look other than it is).
/// </summary>
public static class SourceText
{
    /// <summary>The largest page or data file: a long profile is some 20 KB.</summary>
    public const int MaxBytes = 1024 * 1024;

    private const string TooLarge = "Het bestand is groter dan 1 MB, het maximum voor een pagina of gegevensbestand. " +
                                    "Maak de tekst korter of verdeel hem over meer pagina's.";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Read(string path, string relativePath, DiagnosticBag diagnostics)
    {
        var bytes = ReadBytes(path, relativePath, diagnostics);
        if (bytes is null) return null;
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var offset = start + Math.Max(0, e.Index);
            var lineStart = bytes.AsSpan(0, Math.Min(offset, bytes.Length)).LastIndexOf((byte)'\n') + 1;
            var line = 1 + bytes.AsSpan(0, Math.Min(offset, bytes.Length)).Count((byte)'\n');
            var column = 1 + StrictUtf8.GetCharCount(bytes, Math.Max(lineStart, start), offset - Math.Max(lineStart, start));
            diagnostics.Error(relativePath, line, column, null,
                "Het bestand is geen UTF-8-tekst (er staat een ongeldig teken op deze plek). " +
                "Sla het bestand op met de codering UTF-8.");
            return null;
        }
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        return ReportInvisible(text, relativePath, diagnostics) ? null : text;
    }

    private static byte[]? ReadBytes(string path, string relativePath, DiagnosticBag diagnostics)
    {
        FileStatus.TryGet(path, followLinks: false, out var kind, out var size, out _);
        var problem = kind switch
        {
            FileKind.Missing => "Het bestand kon niet gelezen worden: het bestaat niet (meer).",
            FileKind.Link => BundleFiles.LinkMessage(Path.GetFileName(path)),
            FileKind.File when size > MaxBytes => TooLarge,
            FileKind.File => null,
            _ => $"'{Path.GetFileName(path)}' is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp). Vervang het door een tekstbestand.",
        };
        if (problem is null)
        {
            try
            {
                // Bounded even if the file grows after the check.
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
                var buffer = new byte[Math.Min(size, MaxBytes) + 1];
                var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
                if (read <= MaxBytes) return read == buffer.Length ? buffer : buffer[..read];
                problem = TooLarge;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = "Het bestand kon niet gelezen worden. Controleer of het bestaat en leesbaar is.";
            }
        }
        diagnostics.Error(relativePath, 0, 0, null, problem);
        return null;
    }

    /// <summary>Reports the first control or direction-reversing character of each line; true when there was one.</summary>
    private static bool ReportInvisible(string text, string relativePath, DiagnosticBag diagnostics)
    {
        var found = false;
        var (line, column) = (1, 0);
        var reportedLine = 0;
        foreach (var c in text)
        {
            column++;
            if (c == '\n')
            {
                (line, column) = (line + 1, 0);
                continue;
            }
            if (c == '\t' || reportedLine == line) continue;
            var message = BundleFiles.IsInvisibleControl(c)
                ? $"Op deze plek staat een onzichtbaar stuurteken (U+{(int)c:X4}). Haal het weg; het hoort niet in een tekst."
                : BundleFiles.IsDirectionOverride(c)
                    ? $"Op deze plek staat een onzichtbaar teken dat de leesrichting omdraait (U+{(int)c:X4}). Zulke tekens laten tekst anders lijken dan hij is; haal het weg."
                    : null;
            if (message is null) continue;
            diagnostics.Error(relativePath, line, column, null, message);
            (found, reportedLine) = (true, line);
        }
        return found;
    }
}
