using System.Text;
using System.Text.Encodings.Web;

namespace MakersSite.Rendering;

/// <summary>
/// The escaping every value printed by a template goes through: the five characters that are markup in element
/// content and quoted attributes, as <see cref="Html.Escape"/> does, and nothing else. HtmlEncoder.Default would
/// also write every "é" and "ë" of the Dutch text as a numeric reference.
/// </summary>
public sealed class HtmlEscaper : TextEncoder
{
    public static HtmlEscaper Instance { get; } = new();

    public override int MaxOutputCharactersPerInputCharacter => 6; // &quot;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) =>
        new ReadOnlySpan<char>(text, textLength).IndexOfAny("&<>\"'");

    public override bool WillEncode(int unicodeScalar) => unicodeScalar is '&' or '<' or '>' or '"' or '\'';

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var output = new Span<char>(buffer, bufferLength);
        var entity = unicodeScalar switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            _ => null,
        };
        if (entity is not null)
        {
            numberOfCharactersWritten = entity.Length;
            return entity.AsSpan().TryCopyTo(output);
        }
        // Any other character is written as it is.
        var written = Rune.TryCreate(unicodeScalar, out var rune) && rune.TryEncodeToUtf16(output, out var count) ? count : -1;
        numberOfCharactersWritten = Math.Max(written, 0);
        return written >= 0;
    }
}
